import type { HostileCase } from "../hostile-case.js";
import { bytes, head } from "../raw-request.js";

const KIB_8 = 8 * 1024;
const get =
  (path: string, headers: Readonly<Record<string, string>> = {}) =>
  () =>
    bytes(head("GET", path, headers));

// Big header values, methods the API does not know, and HEAD on every kind of route.
export const headerAndMethodCases: readonly HostileCase[] = [
  {
    id: "hostile-header-8k-value",
    title: "an 8 KiB header value on an unknown path",
    group: "headers",
    method: "GET",
    bytes: (v) => get(`/no-such-route-${v.suffix}`, { "X-Padding": "p".repeat(KIB_8) })(),
    expect: { status: [404] },
  },
  {
    id: "hostile-header-8k-token",
    title: "an 8 KiB bearer token",
    group: "headers",
    method: "GET",
    bytes: get("/me", { Authorization: `Bearer ${"t".repeat(KIB_8)}` }),
    expect: { status: [401] },
  },
  {
    id: "hostile-header-8k-request-id",
    title: "an 8 KiB X-Request-Id (invalid: never echoed)",
    group: "headers",
    method: "GET",
    bytes: (v) => get(`/no-such-route-${v.suffix}`, { "X-Request-Id": "r".repeat(KIB_8) })(),
    expect: { status: [404], traceId: "fresh" },
  },
  {
    id: "hostile-header-8k-traceparent",
    title: "an 8 KiB traceparent (invalid: never echoed)",
    group: "headers",
    method: "GET",
    bytes: (v) => get(`/no-such-route-${v.suffix}`, { traceparent: `00-${"a".repeat(KIB_8)}-01` })(),
    expect: { status: [404], traceId: "fresh" },
  },
  {
    id: "hostile-header-oversize",
    title: "headers of 40 KiB in all",
    group: "headers",
    method: "GET",
    bytes: get(
      "/users/usr_ada",
      Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`X-Padding-${n}`, "p".repeat(KIB_8)])),
    ),
    expect: { status: [431, 400], parserMayReject: true },
  },
  {
    id: "hostile-method-unknown",
    title: "FOO /users (a method no one defines)",
    group: "methods",
    method: "FOO",
    bytes: () => bytes(head("FOO", "/users")),
    expect: { status: [400, 404, 405, 501], parserMayReject: true },
  },
  {
    id: "hostile-method-webdav",
    title: "PROPFIND /users (a method the API does not serve)",
    group: "methods",
    method: "PROPFIND",
    bytes: () => bytes(head("PROPFIND", "/users")),
    expect: { status: [404, 405, 501] },
  },
  {
    id: "hostile-method-trace",
    title: "TRACE /me",
    group: "methods",
    method: "TRACE",
    bytes: () => bytes(head("TRACE", "/me", { Authorization: "Bearer user-token" })),
    expect: { status: [404, 405, 501] },
  },
  ...(
    [
      ["users", "/users", [404, 405]],
      ["me", "/me", [401]],
      ["user-unknown", "/users/usr_missing_{{suffix}}", [404]],
      ["fault-unknown", "/faults/no-such-kind", [404]],
      ["route-unknown", "/no-such-route-{{suffix}}", [404]],
    ] as const
  ).map(
    ([name, path, status]): HostileCase => ({
      id: `hostile-head-${name}`,
      title: `HEAD ${path}`,
      group: "methods",
      method: "HEAD",
      bytes: (v) => bytes(head("HEAD", path.replace("{{suffix}}", v.suffix ?? ""))),
      expect: { status },
    }),
  ),
];
