import type { HostileCase } from "../hostile-case.js";
import { bytes, head } from "../raw-request.js";

/** An Expect the server does not meet is a 417. */
export const expectCases: readonly HostileCase[] = [
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
];
