import type { ConformanceCase } from "../case.js";
import { PLAIN_CHALLENGE } from "./bearer.js";
import { ADMIN_TOKEN, DATABASE_FAULT, get, USER_TOKEN } from "./requests.js";

const group = "store";

/** GET /me and the DELETE guard load the user from the store, after the credential check. */
export const storeCases: readonly ConformanceCase[] = [
  {
    id: "store-me-fault-without-token",
    title: "X-Fault: database on GET /me without a token is still 401",
    group,
    request: get("/me", DATABASE_FAULT),
    expect: { status: 401, error: "unauthenticated", headers: PLAIN_CHALLENGE },
  },
  {
    id: "store-me-fault-malformed-credential",
    title: "X-Fault: database on GET /me with no Bearer credential is still 401",
    group,
    request: get("/me", { ...DATABASE_FAULT, authorization: "Bearer\tuser-token" }),
    expect: { status: 401, error: "unauthenticated", headers: PLAIN_CHALLENGE },
  },
  {
    id: "store-delete-guard-fault",
    title:
      "X-Fault: database after an admin's token on DELETE of an unknown id is 500 (the guard reads the store)",
    group,
    request: {
      method: "DELETE",
      path: "/users/usr_missing_{{suffix}}",
      headers: { ...ADMIN_TOKEN, ...DATABASE_FAULT },
    },
    expect: { status: 500, error: "internal_error" },
  },
  {
    id: "store-delete-guard-fault-as-user",
    title:
      "X-Fault: database after a non-admin's token on DELETE is 500, not 403 (the guard loads the user from the store)",
    group,
    request: {
      method: "DELETE",
      path: "/users/usr_missing_{{suffix}}",
      headers: { ...USER_TOKEN, ...DATABASE_FAULT },
    },
    expect: { status: 500, error: "internal_error" },
  },
  {
    id: "store-delete-fault-without-token",
    title: "X-Fault: database on DELETE without a token is still 401",
    group,
    request: { method: "DELETE", path: "/users/usr_ada", headers: DATABASE_FAULT },
    expect: { status: 401, error: "unauthenticated", headers: PLAIN_CHALLENGE },
  },
];
