import type { ConformanceCase } from "../case.js";
import { JSON_TYPE, USER_TOKEN } from "./requests.js";

const group = "paths";
const BROKEN_JSON = { kind: "text", text: '{"email": ' } as const;

/** Paths match exactly; malformed percent-encoding is a 400; routing comes before the body. */
export const pathsCases: readonly ConformanceCase[] = [
  {
    id: "path-upper-case",
    title: "GET /USERS/usr_ada is another path: 404",
    group,
    request: { method: "GET", path: "/USERS/usr_ada" },
    expect: { status: 404, error: "not_found" },
  },
  {
    id: "path-upper-case-me",
    title: "GET /Me with a valid token is another path: 404",
    group,
    request: { method: "GET", path: "/Me", headers: USER_TOKEN },
    expect: { status: 404, error: "not_found" },
  },
  {
    id: "path-trailing-slash",
    title: "GET /users/usr_ada/ is another path: 404",
    group,
    request: { method: "GET", path: "/users/usr_ada/" },
    expect: { status: 404, error: "not_found" },
  },
  {
    id: "path-trailing-slash-me",
    title: "GET /me/ with a valid token is another path: 404",
    group,
    request: { method: "GET", path: "/me/", headers: USER_TOKEN },
    expect: { status: 404, error: "not_found" },
  },
  {
    id: "path-malformed-percent",
    title: "GET /users/%E0%A4%A (malformed percent-encoding) is 400",
    group,
    request: { method: "GET", path: "/users/%E0%A4%A" },
    expect: { status: 400, error: "bad_request" },
  },
  {
    id: "path-invalid-utf8-percent",
    title: "GET /users/%FF (percent-encoding of no UTF-8) is 400",
    group,
    request: { method: "GET", path: "/users/%FF" },
    expect: { status: 400, error: "bad_request" },
  },
  {
    id: "path-long-segment",
    title: "a 200-character id is matched like any other: 404",
    group,
    request: { method: "GET", path: `/users/${"x".repeat(200)}` },
    expect: { status: 404, error: "not_found" },
  },
  {
    id: "route-before-body-unknown-path",
    title: "POST of an unknown path with broken JSON is 404",
    group,
    request: { method: "POST", path: "/no-such-route-{{suffix}}", headers: JSON_TYPE, body: BROKEN_JSON },
    expect: { status: 404, error: "not_found" },
  },
  {
    id: "route-before-body-unserved-method",
    title: "PUT /users with broken JSON is 405 or 404",
    group,
    request: { method: "PUT", path: "/users", headers: JSON_TYPE, body: BROKEN_JSON },
    expect: { status: [405, 404] },
  },
  {
    id: "route-before-body-wrong-type",
    title: "PATCH /me with a text/plain body is 405 or 404, never 415",
    group,
    request: {
      method: "PATCH",
      path: "/me",
      headers: { "content-type": "text/plain" },
      body: { kind: "text", text: "hello" },
    },
    expect: { status: [405, 404] },
  },
];
