import type { ConformanceCase } from "../case.js";
import { ADA, DATABASE_FAULT, get } from "./requests.js";

const group = "users";

/** GET and HEAD /users/:id. */
export const userCases: readonly ConformanceCase[] = [
  {
    id: "user-found",
    title: "GET /users/usr_ada answers the seeded user",
    group,
    request: get(`/users/${ADA.id}`),
    expect: { status: 200, body: { equals: ADA } },
  },
  {
    id: "user-not-found",
    title: "an unknown user id is 404",
    group,
    request: get("/users/usr_missing_{{suffix}}"),
    expect: { status: 404, error: "not_found" },
  },
  {
    id: "user-database-fault",
    title: "X-Fault: database on GET /users/:id is a generic 500",
    group,
    request: get(`/users/${ADA.id}`, DATABASE_FAULT),
    expect: { status: 500, error: "internal_error" },
  },
  {
    id: "user-head",
    title: "HEAD /users/:id answers as GET, without a body",
    group,
    request: { method: "HEAD", path: `/users/${ADA.id}` },
    expect: { status: 200 },
  },
  {
    id: "user-head-not-found",
    title: "HEAD of an unknown user is 404 with the contract headers and no body",
    group,
    request: { method: "HEAD", path: "/users/usr_missing_{{suffix}}" },
    expect: { status: 404, error: "not_found" },
  },
];
