import type { HostileCase } from "../hostile-case.js";
import { bytes } from "../raw-request.js";

/** HTTP/1.1 needs Host: without it, a 400. */
export const hostCases: readonly HostileCase[] = [
  {
    id: "hostile-host-missing",
    title: "HTTP/1.1 without Host",
    group: "host",
    method: "GET",
    bytes: () => bytes("GET /users/usr_ada HTTP/1.1\r\nAccept: application/json\r\n\r\n"),
    expect: { status: [400] },
  },
];
