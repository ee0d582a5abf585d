import { STRONG_PASSWORD } from "../../cases/requests.js";

/** A registration body for this run's email. */
export const registration = (email: string) => JSON.stringify({ email, password: STRONG_PASSWORD });

/** A request with two different Content-Length headers: the framing no parser may guess at. */
export const conflictingLengths =
  "POST /users HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab";
