import type { ConformanceCase } from "../case.js";
import { JSON_TYPE, STRONG_PASSWORD } from "./requests.js";

const group = "routing";
const MISSING = "/no-such-route-{{suffix}}";

/** Router misses and methods a path does not serve. */
export const routingCases: readonly ConformanceCase[] = [
  {
    id: "route-unknown-get",
    title: "GET of an unknown path is 404",
    group,
    request: { method: "GET", path: MISSING },
    expect: { status: 404, error: "not_found" },
  },
  {
    id: "route-unknown-post",
    title: "POST of an unknown path is 404",
    group,
    request: { method: "POST", path: MISSING, headers: JSON_TYPE, body: { kind: "json", value: { a: 1 } } },
    expect: { status: 404, error: "not_found" },
  },
  {
    id: "route-unknown-delete",
    title: "DELETE of an unknown path is 404",
    group,
    request: { method: "DELETE", path: MISSING },
    expect: { status: 404, error: "not_found" },
  },
  {
    id: "route-unknown-head",
    title: "HEAD of an unknown path is 404 with the contract headers and no body",
    group,
    request: { method: "HEAD", path: MISSING },
    expect: { status: 404, error: "not_found" },
  },
  {
    id: "route-method-not-allowed-users",
    title: "PUT /users is 405 with Allow, or 404",
    group,
    request: {
      method: "PUT",
      path: "/users",
      headers: JSON_TYPE,
      body: { kind: "json", value: { email: "{{email}}", password: STRONG_PASSWORD } },
    },
    expect: { status: [405, 404] },
  },
  {
    id: "route-method-not-allowed-me",
    title: "POST /me is 405 with Allow, or 404",
    group,
    request: { method: "POST", path: "/me", headers: JSON_TYPE, body: { kind: "json", value: {} } },
    expect: { status: [405, 404] },
  },
];
