import type { HostileCase } from "../hostile-case.js";
import { bytes, head, postChunked, postJson } from "../raw-request.js";

const KIB = 1024;
const OVER_LIMIT = `{"padding":"${"x".repeat(70_000)}"}`;

const size = (id: string, title: string, rest: Omit<HostileCase, "id" | "title" | "group" | "method">) =>
  ({ id: `hostile-size-${id}`, title, group: "size", method: "POST", ...rest }) as HostileCase;

// The server stops reading: it must say so (Connection: close) and close, never keep-alive.
export const sizeCases: readonly HostileCase[] = [
  size("content-length", "a 70,000-byte body with its Content-Length", {
    bytes: () => postJson(OVER_LIMIT),
    expect: { status: [413], closes: true },
  }),
  size("chunked", "a 70,000-byte chunked body", {
    bytes: () => postChunked(OVER_LIMIT, 8192),
    expect: { status: [413], closes: true },
  }),
  size("huge-content-length", "Content-Length: 10000000000 and no body sent", {
    bytes: () => postJson("", 10_000_000_000),
    expect: { status: [413], closes: true },
  }),
  size("lying-longer", "Content-Length 1000, 30 bytes sent, then the client half-closes", {
    bytes: () => postJson('{"email":"ada@example.com","pa', 1000),
    after: "end",
    expect: { status: [400], parserMayReject: true },
  }),
  size("lying-shorter", "Content-Length 10 for a 60-byte body (the rest reads as a next request)", {
    bytes: () => postJson('{"email":"ada@example.com","password":"correct-horse-9-battery"}', 10),
    expect: { status: [400], parserMayReject: true, pipelined: true },
  }),
  size("aborted-chunked", "half a chunked body, then the connection dropped", {
    bytes: () => postChunked(`{"email":"ada@example.com","password":"${"x".repeat(4000)}`, 1024, false),
    after: "abort",
    expect: { status: [] },
  }),
  size("aborted-content-length", "half of a 2,000-byte body, then the connection dropped", {
    bytes: () =>
      bytes(
        head("POST", "/users", { "Content-Type": "application/json", "Content-Length": "2000" }),
        `{"email":"ada@example.com","password":"${"x".repeat(960)}`,
      ),
    after: "abort",
    expect: { status: [] },
  }),
  size("aborted-over-limit", "30,000 bytes of a 70,000-byte body, then the connection dropped", {
    bytes: () =>
      bytes(
        head("POST", "/users", { "Content-Type": "application/json", "Content-Length": "70000" }),
        OVER_LIMIT.slice(0, 30_000),
      ),
    after: "abort",
    expect: { status: [] },
  }),
  {
    id: "hostile-slow-oversize-chunked",
    title: "a chunked upload of 2 KiB every 20 ms past 64 KiB gets its 413 when the limit is passed",
    group: "size",
    method: "POST",
    bytes: (v) => postChunked(JSON.stringify({ email: v.email, padding: "p".repeat(96 * KIB) }), 2 * KIB),
    drip: { chunkBytes: 2 * KIB, everyMs: 20 },
    expect: { status: [413], closes: true },
  },
];
