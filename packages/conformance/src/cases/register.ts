import type { ConformanceCase } from "../case.js";
import { ADA, DATABASE_FAULT, get, register, registerStep, STRONG_PASSWORD } from "./requests.js";

const USER_MEMBERS = ["id", "email", "name"];
const group = "register";

/** POST /users outcomes other than a bad body: 201, 409, 500. */
export const registerCases: readonly ConformanceCase[] = [
  {
    id: "register-created",
    title: "registering answers 201 with the user and its Location",
    group,
    request: register({ email: "{{email}}", password: STRONG_PASSWORD, name: "Conformance" }),
    expect: {
      status: 201,
      headers: { Location: { endsWith: "/users/{{body.id}}" } },
      body: { keys: USER_MEMBERS, includes: { email: "{{email}}", name: "Conformance" } },
    },
  },
  {
    id: "register-created-without-name",
    title: "a registration without name answers name: null",
    group,
    request: register({ email: "{{email}}", password: STRONG_PASSWORD }),
    expect: { status: 201, body: { keys: USER_MEMBERS, includes: { email: "{{email}}", name: null } } },
  },
  {
    id: "register-unknown-keys-ignored",
    title: "unknown keys are ignored, never echoed",
    group,
    request: register({ email: "{{email}}", password: STRONG_PASSWORD, role: "admin", isAdmin: true }),
    expect: { status: 201, body: { keys: USER_MEMBERS, includes: { email: "{{email}}", name: null } } },
  },
  {
    id: "register-json-charset",
    title: "application/json; charset=utf-8 is JSON",
    group,
    request: register(
      { email: "{{email}}", password: STRONG_PASSWORD },
      { "content-type": "application/json; charset=utf-8" },
    ),
    expect: { status: 201, body: { keys: USER_MEMBERS } },
  },
  {
    id: "register-plus-json",
    title: "a +json media type is JSON",
    group,
    request: register(
      { email: "{{email}}", password: STRONG_PASSWORD },
      { "content-type": "application/vnd.api+json" },
    ),
    expect: { status: 201, body: { keys: USER_MEMBERS } },
  },
  {
    id: "register-then-get",
    title: "a registered user is found by GET /users/:id",
    group,
    setup: [registerStep()],
    request: get("/users/{{id}}"),
    expect: { status: 200, body: { equals: { id: "{{id}}", email: "{{email}}", name: "Conformance" } } },
  },
  {
    id: "register-email-taken",
    title: "registering the same email twice is 409 email_taken",
    group,
    setup: [registerStep()],
    request: register({ email: "{{email}}", password: STRONG_PASSWORD }),
    expect: { status: 409, error: "email_taken" },
  },
  {
    id: "register-email-taken-other-case",
    title: "emails are compared case-insensitively",
    group,
    setup: [registerStep()],
    request: register({ email: "{{emailUpper}}", password: STRONG_PASSWORD }),
    expect: { status: 409, error: "email_taken" },
  },
  {
    id: "register-seeded-email-taken",
    title: "the seeded ada@example.com, sent as ADA@example.com, is taken",
    group,
    request: register({ email: ADA.email.toUpperCase(), password: STRONG_PASSWORD }),
    expect: { status: 409, error: "email_taken" },
  },
  {
    id: "register-database-fault",
    title: "X-Fault: database on POST /users is a generic 500",
    group,
    request: register({ email: "{{email}}", password: STRONG_PASSWORD }, DATABASE_FAULT),
    expect: { status: 500, error: "internal_error" },
  },
];
