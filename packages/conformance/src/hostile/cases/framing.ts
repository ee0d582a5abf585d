import type { HostileCase } from "../hostile-case.js";
import { bytes, head } from "../raw-request.js";
import { conflictingLengths } from "./requests.js";

/** Requests whose framing is broken (RFC 9112): a 400, then the connection closes. */
export const framingCases: readonly HostileCase[] = [
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
];
