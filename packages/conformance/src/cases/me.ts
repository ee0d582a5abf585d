import type { ConformanceCase } from "../case.js";
import { ADA, ADMIN_TOKEN, DATABASE_FAULT, get, ROOT, USER_TOKEN } from "./requests.js";

const group = "me";
const BEARER_CHALLENGE = { "WWW-Authenticate": { startsWith: "Bearer" } } as const;
const INVALID_TOKEN = { "WWW-Authenticate": { includes: 'error="invalid_token"' } } as const;

/** GET /me: bearer authentication. */
export const meCases: readonly ConformanceCase[] = [
  {
    id: "me-user",
    title: "user-token is Ada, role user",
    group,
    request: get("/me", USER_TOKEN),
    expect: { status: 200, body: { equals: { ...ADA, role: "user" } } },
  },
  {
    id: "me-admin",
    title: "admin-token is Root, role admin",
    group,
    request: get("/me", ADMIN_TOKEN),
    expect: { status: 200, body: { equals: { ...ROOT, role: "admin" } } },
  },
  {
    id: "me-no-credentials",
    title: "no Authorization is 401 with a Bearer challenge",
    group,
    request: get("/me"),
    expect: { status: 401, error: "unauthenticated", headers: BEARER_CHALLENGE },
  },
  {
    id: "me-basic-scheme",
    title: "a Basic credential is 401 with a Bearer challenge",
    group,
    request: get("/me", { authorization: "Basic YWRhOnBhc3N3b3Jk" }),
    expect: { status: 401, error: "unauthenticated", headers: BEARER_CHALLENGE },
  },
  {
    id: "me-unknown-token",
    title: 'an unknown token is 401 with error="invalid_token"',
    group,
    request: get("/me", { authorization: "Bearer not-a-known-token" }),
    expect: { status: 401, error: "unauthenticated", headers: { ...BEARER_CHALLENGE, ...INVALID_TOKEN } },
  },
  {
    id: "me-database-fault",
    title: "X-Fault: database on GET /me is a generic 500",
    group,
    request: get("/me", { ...USER_TOKEN, ...DATABASE_FAULT }),
    expect: { status: 500, error: "internal_error" },
  },
];
