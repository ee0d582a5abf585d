import { gzipSync } from "node:zlib";
import type { HostileCase } from "../hostile-case.js";
import { bytes, head, postChunked, postJson } from "../raw-request.js";

const KIB = 1024;
const registration = (email: string) => JSON.stringify({ email, password: "correct-horse-9-battery" });
const conflictingLengths =
  "POST /users HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab";

// What Node's HTTP layer answers by itself unless the contract hooks in (RFC 9112, RFC 9110).
export const httpEdgeCases: readonly HostileCase[] = [
  {
    id: "hostile-framing-conflicting-length",
    title: "two different Content-Length headers",
    group: "framing",
    method: "POST",
    bytes: () => bytes(conflictingLengths),
    expect: { status: [400], closes: true },
  },
  {
    id: "hostile-framing-length-and-chunked",
    title: "Content-Length and Transfer-Encoding: chunked together",
    group: "framing",
    method: "POST",
    bytes: () =>
      bytes(
        head("POST", "/users", {
          "Content-Type": "application/json",
          "Content-Length": "3",
          "Transfer-Encoding": "chunked",
        }),
        "0\r\n\r\n",
      ),
    expect: { status: [400], closes: true },
  },
  {
    id: "hostile-framing-bare-lf",
    title: "header lines ended by a bare LF",
    group: "framing",
    method: "GET",
    bytes: () => bytes("GET /users/usr_ada HTTP/1.1\nHost: localhost\n\n"),
    expect: { status: [400], closes: true },
  },
  {
    id: "hostile-framing-bad-chunk-size",
    title: "a chunk size that is not hex",
    group: "framing",
    method: "POST",
    bytes: () =>
      bytes(
        head("POST", "/users", { "Content-Type": "application/json", "Transfer-Encoding": "chunked" }),
        "zz\r\n{}\r\n",
      ),
    expect: { status: [400], closes: true },
  },
  {
    id: "hostile-pipelined-registration-then-malformed",
    title: "a valid registration pipelined before a malformed request keeps its 201",
    group: "pipelining",
    method: "POST",
    bytes: (v) => bytes(postJson(registration(v.email as string)), conflictingLengths),
    answersFirst: [201],
    expect: { status: [400], closes: true },
  },
  {
    id: "hostile-pipelined-two-gets-then-bare-lf",
    title: "two valid GETs pipelined before a bare-LF request keep their answers",
    group: "pipelining",
    method: "GET",
    bytes: () =>
      bytes(
        head("GET", "/users/usr_ada"),
        head("GET", "/no-such-route-pipelined"),
        "GET /users/usr_ada HTTP/1.1\nHost: localhost\n\n",
      ),
    answersFirst: [200, 404],
    expect: { status: [400], closes: true },
  },
  {
    id: "hostile-expect-unknown",
    title: "Expect: 101-nonsense",
    group: "expect",
    method: "GET",
    bytes: () => bytes(head("GET", "/users/usr_ada", { Expect: "101-nonsense" })),
    expect: { status: [417] },
  },
  {
    id: "hostile-expect-on-post",
    title: "Expect: 200-ok on a registration",
    group: "expect",
    method: "POST",
    bytes: () =>
      bytes(
        head("POST", "/users", {
          "Content-Type": "application/json",
          "Content-Length": "2",
          Expect: "200-ok",
        }),
      ),
    expect: { status: [417] },
  },
  {
    id: "hostile-host-missing",
    title: "HTTP/1.1 without Host",
    group: "host",
    method: "GET",
    bytes: () => bytes("GET /users/usr_ada HTTP/1.1\r\nAccept: application/json\r\n\r\n"),
    expect: { status: [400] },
  },
  {
    id: "hostile-connect",
    title: "CONNECT example.com:443",
    group: "methods",
    method: "CONNECT",
    bytes: () => bytes("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"),
    expect: { status: [404, 405], closes: true },
  },
  {
    id: "hostile-content-coding-gzip",
    title: "a gzip-coded registration",
    group: "codings",
    method: "POST",
    bytes: (v) => {
      const body = gzipSync(registration(v.email as string));
      return bytes(
        head("POST", "/users", {
          "Content-Type": "application/json",
          "Content-Encoding": "gzip",
          "Content-Length": String(body.length),
        }),
        body,
      );
    },
    expect: { status: [415] },
  },
  {
    id: "hostile-content-coding-corrupt",
    title: "Content-Encoding: gzip on bytes that are not gzip",
    group: "codings",
    method: "POST",
    bytes: () =>
      bytes(
        head("POST", "/users", {
          "Content-Type": "application/json",
          "Content-Encoding": "gzip",
          "Content-Length": "9",
        }),
        "not-gzip!",
      ),
    expect: { status: [415] },
  },
  {
    id: "hostile-charset-latin1",
    title: '"José" sent as ISO-8859-1',
    group: "charsets",
    method: "POST",
    bytes: (v) => {
      const body = Buffer.from(
        `{"email":"${v.email}","password":"correct-horse-9-battery","name":"Jos\u00e9"}`,
        "latin1",
      );
      return bytes(
        head("POST", "/users", {
          "Content-Type": "application/json; charset=iso-8859-1",
          "Content-Length": String(body.length),
        }),
        body,
      );
    },
    expect: { status: [415] },
  },
  ...(
    [
      ["dot-segments", "/users/../users/usr_ada"],
      ["encoded-dot-segments", "/users/%2e%2e/me"],
      ["encoded-dot-segments-upper", "/users/%2E%2E/users/usr_ada"],
      ["upper-case", "/USERS/usr_ada"],
      ["trailing-slash", "/users/usr_ada/"],
      ["long-segment", `/users/${"x".repeat(200)}`],
      ["2000-char-segment", `/users/${"x".repeat(2000)}`],
    ] as const
  ).map(
    ([id, path]): HostileCase => ({
      id: `hostile-path-${id}`,
      title: `GET ${path.length > 60 ? `${path.slice(0, 40)}… (${path.length} chars)` : path} is 404`,
      group: "paths",
      method: "GET",
      bytes: () => bytes(head("GET", path, { Authorization: "Bearer user-token" })),
      expect: { status: [404] },
    }),
  ),
  {
    id: "hostile-path-malformed-percent",
    title: "GET /users/%E0%A4%A (malformed percent-encoding) is 400",
    group: "paths",
    method: "GET",
    bytes: () => bytes(head("GET", "/users/%E0%A4%A")),
    expect: { status: [400] },
  },
  {
    id: "hostile-slow-oversize-chunked",
    title: "a chunked upload of 2 KiB every 20 ms past 64 KiB gets its 413 when the limit is passed",
    group: "size",
    method: "POST",
    bytes: (v) => postChunked(JSON.stringify({ email: v.email, padding: "p".repeat(96 * KIB) }), 2 * KIB),
    drip: { chunkBytes: 2 * KIB, everyMs: 20 },
    expect: { status: [413], closes: true },
  },
  {
    id: "hostile-body-on-get",
    title: "GET of an unknown path with a broken JSON body is 404",
    group: "bodiless",
    method: "GET",
    bytes: () =>
      bytes(
        head("GET", "/no-such-route-body", { "Content-Type": "application/json", "Content-Length": "3" }),
        '{"a',
      ),
    expect: { status: [404] },
  },
  {
    id: "hostile-body-on-head",
    title: "HEAD of an unknown user with a broken JSON body is 404",
    group: "bodiless",
    method: "HEAD",
    bytes: () =>
      bytes(
        head("HEAD", "/users/usr_missing", { "Content-Type": "application/json", "Content-Length": "3" }),
        '{"a',
      ),
    expect: { status: [404] },
  },
  {
    id: "hostile-body-on-delete",
    title: "an admin's DELETE of an unknown id with a broken JSON body is 404",
    group: "bodiless",
    method: "DELETE",
    bytes: () =>
      bytes(
        head("DELETE", "/users/usr_missing", {
          Authorization: "Bearer admin-token",
          "Content-Type": "application/json",
          "Content-Length": "3",
        }),
        '{"a',
      ),
    expect: { status: [404] },
  },
  {
    id: "hostile-bearer-two-headers",
    title: "two Authorization headers, both valid, are no credential",
    group: "bearer",
    method: "GET",
    bytes: () =>
      bytes(
        "GET /me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer user-token\r\nAuthorization: Bearer admin-token\r\n\r\n",
      ),
    expect: { status: [401] },
  },
  ...(
    [
      ["tab", "Bearer\tuser-token"],
      ["two-tokens", "Bearer user-token admin-token"],
      ["bare", "Bearer"],
      ["two-spaces", "Bearer  user-token"],
    ] as const
  ).map(
    ([id, authorization]): HostileCase => ({
      id: `hostile-bearer-${id}`,
      title: `Authorization: ${JSON.stringify(authorization)} is no credential`,
      group: "bearer",
      method: "GET",
      bytes: () => bytes(head("GET", "/me", { Authorization: authorization })),
      expect: { status: [401] },
    }),
  ),
];
