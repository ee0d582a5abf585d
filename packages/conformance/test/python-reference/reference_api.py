"""The reference API ("Users", version 1.2) on Python's standard library only.

A second, independent implementation of reference-api.md, in another language: the fixture the
conformance tests run `error-contract check` and `check --suite hostile` against, with their
defaults. It parses HTTP/1.1 itself (asyncio streams), so that every refusal of the HTTP layer
(bad framing, headers too large, a timeout) is answered with the error contract too.

    python3 reference_api.py [port]   # prints "reference API listening on http://127.0.0.1:<port>"

Its OpenAPI document is openapi.json beside this file, served as it is at GET /openapi.json.
"""

import asyncio
import concurrent.futures
import json
import os
import re
import signal
import sys
import threading
import uuid
from email.utils import formatdate
from urllib.parse import unquote_to_bytes

# ---------------------------------------------------------------------------------------------
# Limits and tables
# ---------------------------------------------------------------------------------------------

BODY_LIMIT = 64 * 1024  # request bodies, however they arrive
HEAD_LIMIT = 16 * 1024  # request line and headers together (431 beyond)
ACCEPT_LIMIT = 4 * 1024  # a longer Accept is ignored (default rendering)
REQUEST_TIMEOUT = 10.0  # seconds for a started request to arrive whole (408 beyond)
IDLE_TIMEOUT = 30.0  # seconds a kept-alive connection may wait for its next request

CODES = {400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
         405: "method_not_allowed", 406: "not_acceptable", 408: "request_timeout",
         409: "conflict", 410: "gone", 412: "precondition_failed", 413: "payload_too_large",
         415: "unsupported_media_type", 422: "validation_failed", 428: "precondition_required",
         429: "too_many_requests", 431: "request_header_fields_too_large",
         500: "internal_error", 501: "not_implemented", 502: "bad_gateway",
         503: "service_unavailable", 504: "gateway_timeout"}
# Reason phrases of the IANA registry (RFC 9110; RFC 6585 for 428, 429, 431).
REASONS = {100: "Continue", 200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request",
           401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
           406: "Not Acceptable", 408: "Request Timeout", 409: "Conflict", 410: "Gone",
           412: "Precondition Failed", 413: "Content Too Large", 415: "Unsupported Media Type",
           417: "Expectation Failed", 422: "Unprocessable Content", 428: "Precondition Required",
           429: "Too Many Requests", 431: "Request Header Fields Too Large",
           500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
           503: "Service Unavailable", 504: "Gateway Timeout"}
# The one generic message of each 5xx: never the thrown error's text.
GENERIC_5XX = {500: "Internal server error", 501: "Not implemented", 502: "Bad gateway",
               503: "Service unavailable", 504: "Gateway timeout"}

# Patterns are used with fullmatch (Python's "$" would also match before a final newline).
TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")  # RFC 9110 token (methods, header names)
TRACEPARENT = re.compile(r"00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}")
REQUEST_ID = re.compile(r"[A-Za-z0-9._~:-]{1,128}")
BEARER = re.compile(r"[Bb][Ee][Aa][Rr][Ee][Rr] ([A-Za-z0-9\-._~+/]+=*)")  # RFC 6750 b64token
# zod's z.email() (v4).
EMAIL = re.compile(r"(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}")
Q_VALUE = re.compile(r"0(\.[0-9]{0,3})?|1(\.0{0,3})?")

# JSON nested as deep as a 64 KiB body allows ("[[[[…", 65,536 levels) is parsed, not refused: the
# handlers run on one worker thread with a stack deep enough for the C parser's recursion.
sys.setrecursionlimit(BODY_LIMIT + 10_000)
threading.stack_size(256 * 1024 * 1024)
WORKER = concurrent.futures.ThreadPoolExecutor(max_workers=1)

DOCUMENT = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "openapi.json"), "rb").read()


# ---------------------------------------------------------------------------------------------
# Errors and the store
# ---------------------------------------------------------------------------------------------

class Refusal(Exception):
    """An error of the contract: status, code, message, fields, extra headers; `close` ends the
    connection after the answer (the request's body, if any, was not read)."""

    def __init__(self, status, message=None, fields=None, headers=None, code=None, close=False):
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status) or ("client_error" if status < 500 else "server_error")
        self.message = message or REASONS.get(status, "Error")
        self.fields = fields
        self.headers = headers or {}
        self.close = close


class StoreDown(Exception):
    """The user store's database is down (X-Fault: database)."""


class Store:
    """The users, in memory; every access goes through `open`, which throws under X-Fault."""

    def __init__(self):
        self.users = {}
        self.next_id = 1
        self.add({"id": "usr_ada", "email": "ada@example.com", "name": "Ada", "role": "user"})
        self.add({"id": "usr_root", "email": "root@example.com", "name": "Root", "role": "admin"})

    def add(self, user):
        self.users[user["id"]] = user

    def open(self, request):
        if request.header("x-fault").lower() == "database":
            raise StoreDown("connection refused: the database is down")
        return self

    def by_email(self, email):
        wanted = email.lower()
        return next((user for user in self.users.values() if user["email"].lower() == wanted), None)

    def create(self, email, name):
        user_id = "usr_" + uuid.uuid4().hex[:16]
        user = {"id": user_id, "email": email, "name": name, "role": "user"}
        self.add(user)
        return user


STORE = Store()
TOKENS = {"user-token": "usr_ada", "admin-token": "usr_root"}


# ---------------------------------------------------------------------------------------------
# The request
# ---------------------------------------------------------------------------------------------

class Request:
    """One parsed request head; `segments` is the decoded path, split on "/"."""

    def __init__(self, method, target, version, headers):
        self.method, self.target, self.version, self.headers = method, target, version, headers
        self.segments = None
        self.body = b""
        self.trace = trace_id(self)
        self.problem = prefers_problem(self.header("accept"))

    def header(self, name, default=""):
        values = self.all(name)
        return values[0] if values else default

    def all(self, name):
        return [value for key, value in self.headers if key == name]


def trace_id(request):
    """1. a valid traceparent's trace-id; 2. a valid X-Request-Id; 3. a new id."""
    traceparents = request.all("traceparent")
    match = TRACEPARENT.fullmatch(traceparents[0]) if len(traceparents) == 1 else None
    if match and set(match.group(1)) != {"0"} and set(match.group(2)) != {"0"}:
        return match.group(1)
    request_ids = request.all("x-request-id")
    if len(request_ids) == 1 and REQUEST_ID.fullmatch(request_ids[0]):
        return request_ids[0]
    return uuid.uuid4().hex


def quality(accept, media_type):
    """The q of the most specific range of Accept that matches the media type (0 when none)."""
    best, specificity = 0.0, -1
    for item in accept.split(","):
        parts = [part.strip() for part in item.split(";")]
        media_range, q = parts[0].lower(), 1.0
        for parameter in parts[1:]:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                value = value.strip()
                q = float(value) if Q_VALUE.fullmatch(value) else 0.0
        kind = media_type.partition("/")[0]
        rank = 2 if media_range == media_type else 1 if media_range == kind + "/*" else 0 if media_range == "*/*" else -1
        if rank > specificity:
            best, specificity = q, rank
    return best


def prefers_problem(accept):
    """problem+json only when Accept prefers it strictly over application/json."""
    if not accept or len(accept) > ACCEPT_LIMIT:
        return False
    return quality(accept, "application/problem+json") > quality(accept, "application/json")


# ---------------------------------------------------------------------------------------------
# Responses
# ---------------------------------------------------------------------------------------------

def response_bytes(status, headers, body=b"", head_only=False, close=False):
    """The bytes of one HTTP/1.1 response; a HEAD keeps the headers and drops the body."""
    lines = [f"HTTP/1.1 {status} {REASONS.get(status, 'Unknown')}"]
    headers = dict(headers)
    headers["Date"] = formatdate(usegmt=True)
    if status != 204:
        headers["Content-Length"] = str(len(body))
    headers["Connection"] = "close" if close else "keep-alive"
    lines += [f"{name}: {value}" for name, value in headers.items()]
    data = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    return data if head_only or status == 204 else data + body


def error_parts(refusal, trace, problem):
    """Status, headers and body of the contract for one refusal."""
    message = GENERIC_5XX.get(refusal.status, "Server error") if refusal.status >= 500 else refusal.message
    if problem:
        body = {"type": "about:blank", "title": REASONS.get(refusal.status, "Error"),
                "status": refusal.status, "detail": message, "error": refusal.code}
        content_type = "application/problem+json"
    else:
        body = {"error": refusal.code, "message": message}
        content_type = "application/json; charset=utf-8"
    if refusal.fields:
        body["fields"] = refusal.fields
    body["traceId"] = trace
    headers = dict(refusal.headers)
    headers.update({"Content-Type": content_type, "Cache-Control": "no-store",
                    "X-Request-Id": trace, "Vary": "Accept"})
    return headers, json.dumps(body).encode("utf-8")


def json_response(status, value, trace, extra=None):
    headers = {"Content-Type": "application/json; charset=utf-8", "X-Request-Id": trace}
    headers.update(extra or {})
    return status, headers, json.dumps(value).encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Routes
# ---------------------------------------------------------------------------------------------

def public(user, with_role=False):
    shown = {"id": user["id"], "email": user["email"], "name": user["name"]}
    if with_role:
        shown["role"] = user["role"]
    return shown


def authenticate(request):
    """The user behind a valid Bearer credential (loaded from the store), else a 401."""
    values = request.all("authorization")
    match = BEARER.fullmatch(values[0]) if len(values) == 1 else None
    if not match:
        raise Refusal(401, "Authentication required", headers={"WWW-Authenticate": "Bearer"})
    # The credential first, then the store: the user behind the token (it may have been deleted).
    user_id = TOKENS.get(match.group(1))
    user = STORE.open(request).users.get(user_id) if user_id is not None else None
    if user is None:
        raise Refusal(401, "The token is not valid",
                      headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
    return user


def get_user(request, user_id):
    user = STORE.open(request).users.get(user_id)
    if user is None:
        raise Refusal(404, "No such user")
    return json_response(200, public(user), request.trace)


def get_me(request):
    return json_response(200, public(authenticate(request), with_role=True), request.trace)


def delete_user(request, user_id):
    caller = authenticate(request)
    if caller["role"] != "admin":
        raise Refusal(403, "Only admins delete users")
    store = STORE.open(request)
    if user_id not in store.users:
        raise Refusal(404, "No such user")
    del store.users[user_id]
    return 204, {"X-Request-Id": request.trace}, b""


def register(request):
    """POST /users. The head was checked already (415, 413); here the body."""
    try:
        text = request.body.decode("utf-8")  # strict: invalid UTF-8 is no JSON text
        value = json.loads(text, parse_constant=reject_constant)
    except (ValueError, RecursionError):
        raise Refusal(400, "The body is not valid JSON")
    if not isinstance(value, dict):
        raise Refusal(400, "The body must be a JSON object")
    structure, rules = {}, {}
    for name in ("email", "password"):
        if name not in value:
            structure[name] = "required"
        elif not isinstance(value[name], str):
            structure[name] = "expected string"
    if "name" in value and not isinstance(value["name"], str):
        structure["name"] = "expected string"
    if structure:  # structure and rules broken at once: 400 with the structural problems
        raise Refusal(400, "The body does not have the expected structure", fields=structure)
    email, password, name = value["email"], value["password"], value.get("name")
    if not EMAIL.fullmatch(email):
        rules["email"] = "invalid email address"
    if len(password) < 12 or not re.search(r"[0-9]", password):
        rules["password"] = "min 12 chars, at least one digit"
    if name is not None and not 1 <= len(name) <= 100:
        rules["name"] = "1 to 100 characters"
    if rules:
        raise Refusal(422, "The body breaks a rule", fields=rules)
    store = STORE.open(request)
    if store.by_email(email) is not None:
        raise Refusal(409, "This email is already registered", code="email_taken")
    user = store.create(email, name)
    return json_response(201, public(user), request.trace, {"Location": f"/users/{user['id']}"})


def reject_constant(name):
    raise ValueError(f"{name} is not JSON")


def fault(request, kind):
    """GET /faults/:kind. Whatever is "thrown" becomes a generic 500 (the secret never leaks);
    only the framework's own exceptions (here: a Refusal) choose a status."""
    secret = "S3CRET-fault-do-not-leak"
    if kind == "native-404":
        raise Refusal(404, "Not found")
    if kind == "native-429":
        raise Refusal(429, "Too many requests")
    thrown = {"error": RuntimeError(secret), "string": secret, "null": None, "undefined": None,
              "object": {"message": secret}, "async": RuntimeError(secret),  # no await here: the same
              "duck": {"statusCode": 502, "status": 502, "message": secret}}
    if kind not in thrown:
        raise Refusal(404, "No such fault kind")
    raise RuntimeError(thrown[kind])  # turned into a 500 by `answer`, its text dropped


# Each path template: the methods it serves. HEAD is served wherever GET is.
def route(request):
    """The handler of a request (a function of no arguments), or a 404/405 Refusal."""
    segments, method = request.segments, request.method
    table = None
    if segments == ["users"]:
        table = {"POST": lambda: register(request)}
    elif len(segments) == 2 and segments[0] == "users":
        table = {"GET": lambda: get_user(request, segments[1]),
                 "DELETE": lambda: delete_user(request, segments[1])}
    elif segments == ["me"]:
        table = {"GET": lambda: get_me(request)}
    elif segments == ["openapi.json"]:
        table = {"GET": lambda: (200, {"Content-Type": "application/json",
                                       "X-Request-Id": request.trace}, DOCUMENT)}
    elif len(segments) == 2 and segments[0] == "faults":
        table = {"GET": lambda: fault(request, segments[1])}
    if table is None:
        raise Refusal(404, "No such route")
    if "GET" in table:
        table["HEAD"] = table["GET"]
    if method not in table:
        allow = ", ".join(sorted(table))
        raise Refusal(405, f"{method} is not served here", headers={"Allow": allow})
    return table[method]


def decode_path(target):
    """The path's segments, percent-decoded; a malformed encoding or non-UTF-8 bytes: 400.
    Dot segments are not resolved; %-encoded unreserved characters match as their decoded form."""
    if target.startswith("/"):
        path = target
    elif re.match(r"^https?://", target, re.IGNORECASE):  # absolute form
        rest = target.split("://", 1)[1]
        path = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
    else:
        return None  # asterisk or authority form: no path of this API
    path = path.split("?", 1)[0].split("#", 1)[0]
    if re.search(r"%(?![0-9A-Fa-f]{2})", path):
        raise Refusal(400, "Malformed percent-encoding in the path")
    segments = []
    for segment in path[1:].split("/"):
        try:
            segments.append(unquote_to_bytes(segment).decode("utf-8"))
        except UnicodeDecodeError:
            raise Refusal(400, "The path is not UTF-8")
    return segments


# ---------------------------------------------------------------------------------------------
# The HTTP/1.1 connection
# ---------------------------------------------------------------------------------------------

class Connection:
    """Reads requests one after another from a socket and answers each in order (pipelining)."""

    def __init__(self, reader, writer):
        self.reader, self.writer = reader, writer
        self.buffer = b""
        self.eof = False

    async def fill(self, deadline):
        """Reads more bytes into the buffer; False at the end of the stream."""
        if self.eof:
            return False
        timeout = deadline - asyncio.get_running_loop().time()
        if timeout <= 0:
            raise asyncio.TimeoutError()
        data = await asyncio.wait_for(self.reader.read(65536), timeout)
        if not data:
            self.eof = True
            return False
        self.buffer += data
        return True

    async def send(self, data):
        self.writer.write(data)
        await self.writer.drain()

    async def refuse(self, refusal, request=None, head_only=False, close=True):
        """Answers a refusal with the contract; honours Accept and the trace id of the request's
        head when it could be read."""
        trace = request.trace if request else uuid.uuid4().hex
        problem = request.problem if request else False
        headers, body = error_parts(refusal, trace, problem)
        await self.send(response_bytes(refusal.status, headers, body, head_only, close))

    async def serve(self):
        try:
            while True:
                keep = await self.serve_one()
                if not keep:
                    break
        except (ConnectionError, asyncio.CancelledError):
            pass  # the client went away, or the server is stopping (SIGTERM)
        finally:
            self.writer.close()

    async def read_head(self):
        """The head's bytes (without its blank line), None on a clean end of stream."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + IDLE_TIMEOUT
        started = bool(self.buffer)
        while True:
            # A head ends at the first blank line; a bare LF anywhere is refused by `parse_head`.
            ends = [i for i in (self.buffer.find(b"\r\n\r\n"), self.buffer.find(b"\n\n")) if i >= 0]
            if ends:
                end = min(ends)
                length = 4 if self.buffer[end:end + 4] == b"\r\n\r\n" else 2
                head, self.buffer = self.buffer[:end], self.buffer[end + length:]
                if len(head) > HEAD_LIMIT:
                    raise Refusal(431, "Request header fields too large", close=True)
                return head
            if len(self.buffer) > HEAD_LIMIT:
                raise Refusal(431, "Request header fields too large", close=True)
            if not started and self.buffer.strip(b"\r\n"):
                started = True  # a request began: it has REQUEST_TIMEOUT to arrive
                deadline = loop.time() + REQUEST_TIMEOUT
            try:
                more = await self.fill(deadline)
            except asyncio.TimeoutError:
                if started:
                    raise Refusal(408, "The request took too long", close=True)
                return None
            if not more:
                if self.buffer.strip():
                    raise Refusal(400, "The request ended before its head did", close=True)
                return None

    async def serve_one(self):
        """One request, one answer; False when the connection is to close."""
        request = None
        try:
            head = await self.read_head()
            if head is None:
                return False
            request = parse_head(head)
            return await self.handle(request)
        except Refusal as refusal:
            request = request or getattr(refusal, "request", None)
            head_only = request is not None and request.method == "HEAD"
            await self.refuse(refusal, request, head_only, close=True)
            return False

    async def handle(self, request):
        """Framing, routing, the body, the handler. Refusals here close only when they must."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + REQUEST_TIMEOUT
        head_only = request.method == "HEAD"
        framing = body_framing(request)  # ("length", n) or ("chunked", None); may refuse
        has_body = framing[0] == "chunked" or framing[1] > 0
        expect = request.header("expect").lower()
        keep = request.version == "HTTP/1.1" and request.header("connection").lower() != "close"

        try:
            if request.all("expect") and expect != "100-continue":
                raise Refusal(417, "Only Expect: 100-continue is met")
            if request.method == "CONNECT":
                raise Refusal(404, "No tunnels here", close=True)
            request.segments = decode_path(request.target)
            if request.segments is None:
                raise Refusal(404, "No such resource")
            handler = route(request)
            if request.method == "POST":
                check_body_head(request, framing)  # 415 and 413 before the body
        except Refusal as refusal:
            # A refusal the head decides: no 100 Continue; a body is read only to keep the
            # connection (when it is small and the client is sending it), else the connection closes.
            close = refusal.close or not keep
            if has_body and not close:
                if request.all("expect") or framing[0] == "length" and framing[1] > BODY_LIMIT:
                    # The client waits for our answer before it sends the body, or it is too big.
                    close = True
                else:
                    close = not await self.discard_body(framing, deadline)
            await self.refuse(refusal, request, head_only, close)
            return not close

        # The request is accepted by its head: read its body (100 Continue first if asked).
        if has_body:
            if expect == "100-continue":
                await self.send(b"HTTP/1.1 100 Continue\r\n\r\n")
            request.body = await self.read_body(framing, deadline)

        try:
            # Handlers run one at a time on the worker thread (its deep stack parses deep JSON).
            status, headers, body = await loop.run_in_executor(WORKER, handler)
        except Refusal as refusal:
            await self.refuse(refusal, request, head_only, not keep)
            return keep
        except Exception:  # anything else thrown (the store down, a fault): a generic 500
            await self.refuse(Refusal(500), request, head_only, not keep)
            return keep
        await self.send(response_bytes(status, headers, body, head_only, not keep))
        return keep

    async def read_body(self, framing, deadline):
        """The whole body, at most BODY_LIMIT bytes; refusals close the connection."""
        try:
            if framing[0] == "length":
                while len(self.buffer) < framing[1]:
                    if not await self.fill(deadline):
                        raise Refusal(400, "The body ended before its Content-Length", close=True)
                body, self.buffer = self.buffer[:framing[1]], self.buffer[framing[1]:]
                return body
            return await self.read_chunked(deadline)
        except asyncio.TimeoutError:
            raise Refusal(408, "The request took too long", close=True)

    async def discard_body(self, framing, deadline):
        """Reads and drops a small body; False when the connection must close instead."""
        try:
            await self.read_body(framing, deadline)
            return True
        except Refusal:
            return False

    async def read_line(self, deadline):
        while b"\r\n" not in self.buffer:
            if len(self.buffer) > HEAD_LIMIT:
                raise Refusal(400, "A chunk line is too long", close=True)
            if not await self.fill(deadline):
                raise Refusal(400, "The body ended inside a chunk", close=True)
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line

    async def read_chunked(self, deadline):
        """A chunked body (RFC 9112 §7.1), refused with 413 as soon as it passes the limit."""
        body = b""
        while True:
            size_text = (await self.read_line(deadline)).split(b";", 1)[0].strip()
            if not re.fullmatch(rb"[0-9A-Fa-f]{1,16}", size_text):
                raise Refusal(400, "A chunk size is not hexadecimal", close=True)
            size = int(size_text, 16)
            if size == 0:
                while await self.read_line(deadline) != b"":  # trailer fields, dropped
                    pass
                return body
            if len(body) + size > BODY_LIMIT:
                raise Refusal(413, "The body is over 64 KiB", close=True)
            while len(self.buffer) < size + 2:
                # Refuse as it streams: count what has arrived of this chunk too.
                if len(body) + len(self.buffer) > BODY_LIMIT:
                    raise Refusal(413, "The body is over 64 KiB", close=True)
                if not await self.fill(deadline):
                    raise Refusal(400, "The body ended inside a chunk", close=True)
            if self.buffer[size:size + 2] != b"\r\n":
                raise Refusal(400, "A chunk does not end with CRLF", close=True)
            body += self.buffer[:size]
            self.buffer = self.buffer[size + 2:]


def parse_head(head):
    """Request line and header fields, strictly (RFC 9112); every violation is a 400 that closes."""
    bad = Refusal(400, "Malformed request", close=True)
    if re.search(rb"(?<!\r)\n", head + b"\r\n") or b"\r" in head.replace(b"\r\n", b""):
        raise bad  # a bare LF or a bare CR
    lines = head.split(b"\r\n")
    while lines and lines[0] == b"":  # empty lines before a request are ignored (RFC 9112 §2.2)
        lines.pop(0)
    if not lines:
        raise bad
    text = [line.decode("latin-1") for line in lines]  # field values may carry obs-text bytes
    parts = text[0].split(" ")
    if len(parts) != 3 or not TOKEN.fullmatch(parts[0]) or not parts[1] or parts[2] not in ("HTTP/1.1", "HTTP/1.0"):
        raise bad
    method, target, version = parts
    headers = []
    for line in text[1:]:
        name, colon, value = line.partition(":")
        if not colon or not TOKEN.fullmatch(name):  # no colon, whitespace before it, obs-fold
            raise bad
        if re.search(r"[\x00-\x08\x0a-\x1f\x7f]", value):
            raise bad
        headers.append((name.lower(), value.strip(" \t")))
    request = Request(method, target, version, headers)
    hosts = len(request.all("host"))
    if hosts > 1 or (version == "HTTP/1.1" and hosts == 0):
        refusal = Refusal(400, "Exactly one Host header is required", close=True)
        refusal.request = request  # its Accept and trace id are honoured
        raise refusal
    return request


def body_framing(request):
    """How the body is delimited: ("chunked", None) or ("length", n); a conflict is a 400."""
    encodings = request.all("transfer-encoding")
    lengths = request.all("content-length")
    if encodings:
        if request.version == "HTTP/1.0":
            raise Refusal(400, "Transfer-Encoding is not HTTP/1.0", close=True)
        if lengths:
            raise Refusal(400, "Content-Length and Transfer-Encoding together", close=True)
        if ",".join(encodings).strip().lower() != "chunked":
            raise Refusal(400, "Only the chunked transfer coding is understood", close=True)
        return ("chunked", None)
    values = {value.strip() for joined in lengths for value in joined.split(",")}
    if not values:
        return ("length", 0)
    if len(values) != 1 or not re.fullmatch(r"[0-9]{1,20}", next(iter(values))):
        raise Refusal(400, "Conflicting or invalid Content-Length", close=True)
    return ("length", int(next(iter(values))))


def check_body_head(request, framing):
    """What the head of a registration decides before its body: content coding, size, media type."""
    coding = request.header("content-encoding").strip().lower()
    if coding not in ("", "identity"):
        raise Refusal(415, "Request bodies are not content-coded",
                      headers={"Accept-Encoding": "identity"})
    if framing[0] == "length" and framing[1] > BODY_LIMIT:
        raise Refusal(413, "The body is over 64 KiB", close=True)
    media_type, *parameters = [part.strip() for part in request.header("content-type").split(";")]
    media_type = media_type.lower()
    if not (media_type == "application/json" or re.fullmatch(r"application/[^/\s]+\+json", media_type)):
        raise Refusal(415, "The body must be application/json")
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip().strip('"').lower() != "utf-8":
            raise Refusal(415, "JSON is UTF-8")


# ---------------------------------------------------------------------------------------------
# Start and stop
# ---------------------------------------------------------------------------------------------

async def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("PORT", "0"))
    server = await asyncio.start_server(lambda r, w: Connection(r, w).serve(), "127.0.0.1", port,
                                        limit=HEAD_LIMIT * 2)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    print(f"reference API listening on http://127.0.0.1:{server.sockets[0].getsockname()[1]}", flush=True)
    await stop.wait()
    server.close()


if __name__ == "__main__":
    asyncio.run(main())
