import type { HostileCase } from "../hostile-case.js";
import { bytes, head } from "../raw-request.js";

/** JSON is UTF-8: a body in another charset is a 415. */
export const charsetsCases: readonly HostileCase[] = [
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
];
