import type { CaseRequest, ConformanceCase } from "../case.js";
import { ADMIN_TOKEN, DATABASE_FAULT, get, registerStep, USER_TOKEN } from "./requests.js";

const group = "delete";
const remove = (path: string, headers: Readonly<Record<string, string>> = {}): CaseRequest => ({
  method: "DELETE",
  path,
  headers,
});

/** DELETE /users/:id: 401, then 403, then 404, else 204. Each deletes a user it registered. */
export const deleteCases: readonly ConformanceCase[] = [
  {
    id: "delete-as-admin",
    title: "an admin deletes a user: 204 without a body",
    group,
    setup: [registerStep()],
    request: remove("/users/{{id}}", ADMIN_TOKEN),
    expect: { status: 204, body: { empty: true } },
  },
  {
    id: "delete-then-get",
    title: "a deleted user is gone",
    group,
    setup: [registerStep(), { request: remove("/users/{{id}}", ADMIN_TOKEN), status: 204 }],
    request: get("/users/{{id}}"),
    expect: { status: 404, error: "not_found" },
  },
  {
    id: "delete-no-credentials",
    title: "DELETE without Authorization is 401 with a Bearer challenge",
    group,
    setup: [registerStep()],
    request: remove("/users/{{id}}"),
    expect: {
      status: 401,
      error: "unauthenticated",
      headers: { "WWW-Authenticate": { startsWith: "Bearer" } },
    },
  },
  {
    id: "delete-unknown-token",
    title: 'DELETE with an unknown token is 401 with error="invalid_token"',
    group,
    setup: [registerStep()],
    request: remove("/users/{{id}}", { authorization: "Bearer not-a-known-token" }),
    expect: {
      status: 401,
      error: "unauthenticated",
      headers: { "WWW-Authenticate": { includes: 'error="invalid_token"' } },
    },
  },
  {
    id: "delete-as-user",
    title: "a non-admin may not delete: 403",
    group,
    setup: [registerStep()],
    request: remove("/users/{{id}}", USER_TOKEN),
    expect: { status: 403, error: "forbidden" },
  },
  {
    id: "delete-as-user-unknown-id",
    title: "a non-admin gets 403 whatever the id",
    group,
    request: remove("/users/usr_missing_{{suffix}}", USER_TOKEN),
    expect: { status: 403, error: "forbidden" },
  },
  {
    id: "delete-unknown-id",
    title: "an admin deleting an unknown id gets 404",
    group,
    request: remove("/users/usr_missing_{{suffix}}", ADMIN_TOKEN),
    expect: { status: 404, error: "not_found" },
  },
  {
    id: "delete-database-fault",
    title: "X-Fault: database on DELETE /users/:id is a generic 500",
    group,
    setup: [registerStep()],
    request: remove("/users/{{id}}", { ...ADMIN_TOKEN, ...DATABASE_FAULT }),
    expect: { status: 500, error: "internal_error" },
  },
];
