import type { ConformanceCase, Expectation, RequestBody } from "../case.js";
import { JSON_TYPE, register, registerRaw, STRONG_PASSWORD } from "./requests.js";

const group = "register-body";
const badRequest = (fields?: readonly string[]): Expectation =>
  fields === undefined
    ? { status: 400, error: "bad_request" }
    : { status: 400, error: "bad_request", fields };
const invalid = (...fields: string[]): Expectation => ({ status: 422, error: "validation_failed", fields });
const raw = (text: string): RequestBody => ({ kind: "text", text });

/** POST /users bodies that are not JSON, have the wrong structure (400) or break a rule (422). */
export const registerBodyCases: readonly ConformanceCase[] = [
  {
    id: "register-broken-json",
    title: "broken JSON is 400",
    group,
    request: registerRaw(raw('{"email": "a@example.com", "password": '), JSON_TYPE),
    expect: badRequest(),
  },
  {
    id: "register-empty-body",
    title: "an empty JSON body is 400",
    group,
    request: registerRaw(raw(""), JSON_TYPE),
    expect: badRequest(),
  },
  {
    id: "register-whitespace-body",
    title: "a whitespace-only JSON body is 400",
    group,
    request: registerRaw(raw(" \n\t "), JSON_TYPE),
    expect: badRequest(),
  },
  ...(
    [
      ["array", []],
      ["string", "ada@example.com"],
      ["number", 42],
      ["null", null],
    ] as const
  ).map(
    ([kind, value]): ConformanceCase => ({
      id: `register-${kind}-body`,
      title: `a JSON ${kind} instead of an object is 400`,
      group,
      request: register(value),
      expect: badRequest(),
    }),
  ),
  {
    id: "register-empty-object",
    title: "{} is 400 naming email and password",
    group,
    request: register({}),
    expect: badRequest(["email", "password"]),
  },
  {
    id: "register-missing-email",
    title: "a missing email is 400",
    group,
    request: register({ password: STRONG_PASSWORD }),
    expect: badRequest(["email"]),
  },
  {
    id: "register-missing-password",
    title: "a missing password is 400",
    group,
    request: register({ email: "{{email}}" }),
    expect: badRequest(["password"]),
  },
  {
    id: "register-email-wrong-type",
    title: "a number for email is 400",
    group,
    request: register({ email: 42, password: STRONG_PASSWORD }),
    expect: badRequest(["email"]),
  },
  {
    id: "register-password-wrong-type",
    title: "a number for password is 400",
    group,
    request: register({ email: "{{email}}", password: 123456789012345 }),
    expect: badRequest(["password"]),
  },
  {
    id: "register-name-wrong-type",
    title: "an object for name is 400",
    group,
    request: register({ email: "{{email}}", password: STRONG_PASSWORD, name: { first: "Ada" } }),
    expect: badRequest(["name"]),
  },
  {
    id: "register-name-null",
    title: "null for name is 400",
    group,
    request: register({ email: "{{email}}", password: STRONG_PASSWORD, name: null }),
    expect: badRequest(["name"]),
  },
  {
    id: "register-structure-and-rules",
    title: "structure and rule problems at once are 400",
    group,
    request: register({ email: "not-an-email", password: 42 }),
    expect: badRequest(["password"]),
  },
  {
    id: "register-invalid-email",
    title: "a malformed email is 422",
    group,
    request: register({ email: "not-an-email", password: STRONG_PASSWORD }),
    expect: invalid("email"),
  },
  {
    id: "register-short-password",
    title: "a password under 12 characters is 422",
    group,
    request: register({ email: "{{email}}", password: "short-pw-1" }),
    expect: invalid("password"),
  },
  {
    id: "register-password-without-digit",
    title: "a password without a digit is 422",
    group,
    request: register({ email: "{{email}}", password: "long-enough-but-no-digit" }),
    expect: invalid("password"),
  },
  {
    id: "register-empty-name",
    title: "an empty name is 422",
    group,
    request: register({ email: "{{email}}", password: STRONG_PASSWORD, name: "" }),
    expect: invalid("name"),
  },
  {
    id: "register-long-name",
    title: "a name of 101 characters is 422",
    group,
    request: register({ email: "{{email}}", password: STRONG_PASSWORD, name: "n".repeat(101) }),
    expect: invalid("name"),
  },
  {
    id: "register-several-rules",
    title: "every broken rule is named",
    group,
    request: register({ email: "not-an-email", password: "short" }),
    expect: invalid("email", "password"),
  },
];
