import type { HostileCase } from "../hostile-case.js";
import { bytes, head } from "../raw-request.js";

const KIB_8 = 8 * 1024;
const get =
  (path: string, headers: Readonly<Record<string, string>> = {}) =>
  () =>
    bytes(head("GET", path, headers));

/**
 * Big header values (an 8 KiB value, token, request id or traceparent) are no reason for a 5xx; 40
 * KiB in all is a 431 (or the parser's close).
 */
export const headersCases: readonly HostileCase[] = [
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
];
