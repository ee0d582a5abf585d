import type { HostileCase } from "../hostile-case.js";
import { bytes, head, postJson } from "../raw-request.js";
import { conflictingLengths, registration } from "./requests.js";

/** A refused request never spoils the answers to the valid ones pipelined before it. */
export const pipeliningCases: readonly HostileCase[] = [
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
];
