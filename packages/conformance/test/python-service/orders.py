"""Orders: two routes of an API that keeps the error-contract, on Python's standard library only.

The fixture the conformance tests run `error-contract check --openapi` against: a service in
another language, with its own OpenAPI document (openapi.json beside this file).

    python3 orders.py            # prints "orders listening on http://127.0.0.1:<port>"
"""

import json
import re
import sys
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BODY_LIMIT = 64 * 1024
TOKENS = {"orders-token"}
CODES = {400: "bad_request", 401: "unauthenticated", 404: "not_found", 405: "method_not_allowed",
         408: "request_timeout", 413: "payload_too_large", 415: "unsupported_media_type",
         422: "validation_failed", 431: "request_header_fields_too_large", 500: "internal_error",
         501: "not_implemented"}
TITLES = {400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 405: "Method Not Allowed",
          408: "Request Timeout", 413: "Content Too Large", 415: "Unsupported Media Type",
          422: "Unprocessable Content", 431: "Request Header Fields Too Large",
          500: "Internal Server Error", 501: "Not Implemented"}
TRACEPARENT = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$")
REQUEST_ID = re.compile(r"^[A-Za-z0-9._~:-]{1,128}$")
BEARER = re.compile(r"^bearer ([A-Za-z0-9\-._~+/]+=*)$", re.IGNORECASE)
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
ITEM = re.compile(r"^[a-z0-9-]+$")
JSON_TYPE = re.compile(r"^application/([\w.-]+\+)?json$")
ORDER_PATH = re.compile(r"^/orders/([^/]+)$")
ORDERS = {}


class Refusal(Exception):
    """An error of the contract: status, message, fields, extra headers."""

    def __init__(self, status, message, fields=None, headers=None):
        super().__init__(message)
        self.status, self.message, self.fields, self.headers = status, message, fields, headers or {}


def trace_id(headers):
    match = TRACEPARENT.match(headers.get("traceparent", ""))
    if match and set(match.group(1)) != {"0"} and set(match.group(2)) != {"0"}:
        return match.group(1)
    request_id = headers.get("x-request-id", "")
    return request_id if REQUEST_ID.match(request_id) else uuid.uuid4().hex


def quality(accept, media_type):
    """The q of the most specific range of Accept that matches the media type (0 when none)."""
    best, specificity = 0.0, -1
    for item in accept.split(","):
        parts = [part.strip() for part in item.split(";")]
        media_range, q = parts[0].lower(), 1.0
        for parameter in parts[1:]:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        kind, _, _ = media_type.partition("/")
        rank = 2 if media_range == media_type else 1 if media_range == kind + "/*" else 0 if media_range == "*/*" else -1
        if rank > specificity:
            best, specificity = q, rank
    return best


class Orders(BaseHTTPRequestHandler):
    server_version = "orders"

    def __getattr__(self, name):
        # Every method, known or not, goes through the one dispatcher (no HTML 501 pages).
        if name.startswith("do_"):
            return self.dispatch
        raise AttributeError(name)

    def log_message(self, format, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        # What http.server refuses itself (a malformed request line, headers too large).
        self.trace = uuid.uuid4().hex
        self.answer_error(Refusal(code if code in CODES else 400, message or "Bad request"))

    def dispatch(self):
        self.trace = trace_id(self.headers)
        try:
            self.route()
        except Refusal as refusal:
            self.answer_error(refusal)
        except Exception:
            self.answer_error(Refusal(500, "Internal server error"))

    def route(self):
        path = self.path.split("?", 1)[0]
        method = self.command
        if path == "/orders":
            if method != "POST":
                raise Refusal(405, "Method not allowed", headers={"Allow": "POST"})
            return self.create_order()
        match = ORDER_PATH.match(path)
        if match:
            if method not in ("GET", "HEAD"):
                raise Refusal(405, "Method not allowed", headers={"Allow": "GET, HEAD"})
            self.drain()
            self.authenticate()
            order = ORDERS.get(match.group(1))
            if order is None:
                raise Refusal(404, "No such order")
            return self.answer(200, order)
        raise Refusal(404, "No such route")

    def authenticate(self):
        match = BEARER.match(self.headers.get("authorization", ""))
        if match is None or len(self.headers.get_all("authorization", [])) != 1:
            raise Refusal(401, "Authentication required", headers={"WWW-Authenticate": "Bearer"})
        if match.group(1) not in TOKENS:
            raise Refusal(401, "Invalid token", headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})

    def read_body(self):
        coding = self.headers.get("content-encoding")
        if coding is not None and coding.strip().lower() != "identity":
            self.close_connection = True
            raise Refusal(415, "The request body must not be content-coded", headers={"Accept-Encoding": "identity"})
        content_type = self.headers.get("content-type", "")
        media_type, _, parameters = content_type.partition(";")
        if not JSON_TYPE.match(media_type.strip().lower()):
            self.close_connection = True
            raise Refusal(415, "The request body must be JSON")
        charset = re.search(r"charset\s*=\s*\"?([^\";\s]+)", parameters, re.IGNORECASE)
        if charset and charset.group(1).lower() != "utf-8":
            self.close_connection = True
            raise Refusal(415, "The request body must be UTF-8")
        if self.headers.get("transfer-encoding", "").lower() == "chunked":
            return self.read_chunked()
        length = int(self.headers.get("content-length") or 0)
        if length > BODY_LIMIT:
            self.close_connection = True
            raise Refusal(413, "The request body is too large", headers={"Connection": "close"})
        return self.rfile.read(length)

    def read_chunked(self):
        body = b""
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                self.rfile.readline()
                return body
            body += self.rfile.read(size)
            self.rfile.readline()
            if len(body) > BODY_LIMIT:
                self.close_connection = True
                raise Refusal(413, "The request body is too large", headers={"Connection": "close"})

    def drain(self):
        length = int(self.headers.get("content-length") or 0)
        if 0 < length <= BODY_LIMIT:
            self.rfile.read(length)
        elif length:
            self.close_connection = True

    def create_order(self):
        raw = self.read_body()
        try:
            text = raw.decode("utf-8")
            body = json.loads(text, parse_constant=lambda name: (_ for _ in ()).throw(ValueError(name)))
        except ValueError:
            raise Refusal(400, "The request body is not valid JSON")
        if not isinstance(body, dict):
            raise Refusal(400, "The request body must be a JSON object")
        structure = {}
        for name, kind in (("item", str), ("quantity", int), ("email", str), ("priority", str)):
            if name not in body:
                if name != "priority":
                    structure[name] = "required"
            elif not isinstance(body[name], kind) or isinstance(body[name], bool):
                structure[name] = "expected " + ("string" if kind is str else "integer")
        if structure:
            raise Refusal(400, "The request body has the wrong structure", structure)
        rules = {}
        if not 1 <= len(body["item"]) <= 40:
            rules["item"] = "1 to 40 characters"
        elif not ITEM.match(body["item"]):
            rules["item"] = "lowercase letters, digits and dashes"
        if not 1 <= body["quantity"] <= 100:
            rules["quantity"] = "1 to 100"
        if not EMAIL.match(body["email"]):
            rules["email"] = "an email address"
        if "priority" in body and body["priority"] not in ("low", "high"):
            rules["priority"] = "low or high"
        if rules:
            raise Refusal(422, "The request body breaks a rule", rules)
        order = {"id": "ord_" + uuid.uuid4().hex[:12], "item": body["item"], "quantity": body["quantity"],
                 "email": body["email"], "priority": body.get("priority", "low")}
        ORDERS[order["id"]] = order
        self.answer(201, order, {"Location": "/orders/" + order["id"]})

    def answer(self, status, data, headers=None):
        self.write(status, "application/json", json.dumps(data).encode(), headers or {})

    def answer_error(self, refusal):
        headers = getattr(self, "headers", None)
        accept = headers.get("accept", "") if headers else ""
        problem = quality(accept, "application/problem+json") > quality(accept, "application/json")
        body = {"error": CODES[refusal.status], "message": refusal.message}
        if refusal.fields:
            body["fields"] = refusal.fields
        body["traceId"] = self.trace
        if problem:
            body = {"type": "about:blank", "title": TITLES[refusal.status], "status": refusal.status,
                    "detail": refusal.message, **{k: v for k, v in body.items() if k != "message"}}
        headers = {"Cache-Control": "no-store", **refusal.headers}
        self.write(refusal.status, "application/problem+json" if problem else "application/json",
                   json.dumps(body).encode(), headers)

    def write(self, status, content_type, payload, headers):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("X-Request-Id", getattr(self, "trace", None) or uuid.uuid4().hex)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 0), Orders)
    print(f"orders listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
