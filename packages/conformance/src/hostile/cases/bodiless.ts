import type { HostileCase } from "../hostile-case.js";
import { bytes, head } from "../raw-request.js";

/** A route that takes no body (GET, HEAD, DELETE) ignores any body it is sent. */
export const bodilessCases: readonly HostileCase[] = [
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
];
