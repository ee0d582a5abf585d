import type { ConformanceCase } from "../case.js";
import { ADMIN_TOKEN, JSON_TYPE, register, registerRaw, registerStep, STRONG_PASSWORD } from "./requests.js";

const group = "bodies";
const BODY = { kind: "json", value: { email: "{{email}}", password: STRONG_PASSWORD } } as const;

/** JSON is UTF-8 and not content-coded; lengths count code points; bodiless routes ignore bodies. */
export const bodiesCases: readonly ConformanceCase[] = [
  ...(["iso-8859-1", "utf-16", "us-ascii"] as const).map(
    (charset): ConformanceCase => ({
      id: `body-charset-${charset}`,
      title: `charset=${charset} is 415`,
      group,
      request: registerRaw(BODY, { "content-type": `application/json; charset=${charset}` }),
      expect: { status: 415, error: "unsupported_media_type" },
    }),
  ),
  {
    id: "body-charset-utf-8-any-case",
    title: 'charset="UTF-8" is JSON as usual: 201',
    group,
    request: registerRaw(BODY, { "content-type": 'application/json; charset="UTF-8"' }),
    expect: { status: 201 },
  },
  ...(["gzip", "deflate", "br", "x-unknown"] as const).map(
    (coding): ConformanceCase => ({
      id: `body-content-coding-${coding}`,
      title: `Content-Encoding: ${coding} is 415 with Accept-Encoding: identity`,
      group,
      request: registerRaw(BODY, { ...JSON_TYPE, "content-encoding": coding }),
      expect: {
        status: 415,
        error: "unsupported_media_type",
        headers: { "Accept-Encoding": { equals: "identity" } },
      },
    }),
  ),
  {
    id: "body-content-coding-identity",
    title: "Content-Encoding: identity is no coding: 201",
    group,
    request: registerRaw(BODY, { ...JSON_TYPE, "content-encoding": "identity" }),
    expect: { status: 201 },
  },
  {
    id: "body-name-code-points",
    title: "a name of 100 code points (200 UTF-16 units) is accepted",
    group,
    request: register({ name: "😀".repeat(100), email: "{{email}}", password: STRONG_PASSWORD }),
    expect: { status: 201 },
  },
  {
    id: "body-name-101-code-points",
    title: "a name of 101 code points is 422",
    group,
    request: register({ name: "😀".repeat(101), email: "{{email}}", password: STRONG_PASSWORD }),
    expect: { status: 422, error: "validation_failed", fields: ["name"] },
  },
  {
    id: "body-password-code-points",
    title: "a password of 11 code points in 22 UTF-16 units is too short: 422",
    group,
    request: register({ email: "{{email}}", password: `${"😀".repeat(10)}1` }),
    expect: { status: 422, error: "validation_failed", fields: ["password"] },
  },
  {
    id: "bodiless-delete-ignores-content-type",
    title: "an admin's DELETE with Content-Type: application/json and no body is 204",
    group,
    setup: [registerStep()],
    request: { method: "DELETE", path: "/users/{{id}}", headers: { ...JSON_TYPE, ...ADMIN_TOKEN } },
    expect: { status: 204, body: { empty: true } },
  },
];
