"""Books: one route of an API in Python (standard library only) that keeps the error contract.

    python3 books.py 3000
    npx error-contract check http://127.0.0.1:3000 --openapi openapi.json
"""

import json
import re
import sys
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BOOKS = {"bk_1": {"id": "bk_1", "title": "Dune"}}
CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 500: "internal_error"}
TITLES = {400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 500: "Internal Server Error"}
MESSAGES = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 500: "Internal server error"}
TRACEPARENT = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$")
REQUEST_ID = re.compile(r"^[A-Za-z0-9._~:-]{1,128}$")
BOOK_PATH = re.compile(r"^/books/([^/]+)$")


def trace_id(headers):
    """traceparent's trace id, else a valid X-Request-Id, else a new id (never an invalid one)."""
    match = TRACEPARENT.match(headers.get("traceparent", "") if headers else "")
    if match and set(match.group(1)) != {"0"} and set(match.group(2)) != {"0"}:
        return match.group(1)
    request_id = headers.get("x-request-id", "") if headers else ""
    return request_id if REQUEST_ID.match(request_id) else uuid.uuid4().hex


def prefers_problem(accept):
    """True when Accept ranks application/problem+json above application/json."""
    ranks = {}
    for item in accept.split(","):
        media_range, *parameters = [part.strip().lower() for part in item.split(";")]
        q = next((float(p[2:]) for p in parameters if p.startswith("q=") and p[2:].replace(".", "", 1).isdigit()), 1.0)
        ranks[media_range] = q
    fallback = ranks.get("application/*", ranks.get("*/*", 0.0))
    return ranks.get("application/problem+json", fallback) > ranks.get("application/json", fallback)


class Books(BaseHTTPRequestHandler):
    def __getattr__(self, name):
        if name.startswith("do_"):  # every method, known or not, goes through route()
            return self.route
        raise AttributeError(name)

    def log_message(self, format, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        # What http.server refuses by itself (a malformed request line, too many headers).
        self.error(code if code in CODES else 400)

    def route(self):
        try:
            match = BOOK_PATH.match(self.path)
            if not match:
                return self.error(404)
            if self.command not in ("GET", "HEAD"):
                return self.error(405, {"Allow": "GET, HEAD"})
            book = BOOKS.get(match.group(1))
            if book is None:
                return self.error(404, message="No such book")
            self.write(200, "application/json", book, {})
        except Exception:
            self.error(500)  # the real error goes to the logs, never to the client

    def error(self, status, headers=None, message=None):
        body = {"error": CODES[status], "message": message or MESSAGES[status], "traceId": self.trace()}
        content_type = "application/json"
        if prefers_problem(self.headers.get("accept", "") if getattr(self, "headers", None) else ""):
            content_type = "application/problem+json"
            body = {"type": "about:blank", "title": TITLES[status], "status": status,
                    "detail": body["message"], "error": body["error"], "traceId": body["traceId"]}
        self.write(status, content_type, body, {"Cache-Control": "no-store", **(headers or {})})

    def trace(self):
        if not hasattr(self, "trace_id"):
            self.trace_id = trace_id(getattr(self, "headers", None))
        return self.trace_id

    def write(self, status, content_type, body, headers):
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("X-Request-Id", self.trace())
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 3000), Books)
    print(f"books listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()
