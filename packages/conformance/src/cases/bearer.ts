import type { CaseRequest, ConformanceCase } from "../case.js";
import { ADA, get } from "./requests.js";

const group = "bearer";
/** The plain challenge: `Bearer`, a realm allowed, no error (RFC 6750 section 3.1). */
export const PLAIN_CHALLENGE = {
  "WWW-Authenticate": { matches: '^Bearer(?: realm="[^"]*")?$' },
} as const;

const remove = (authorization: string): CaseRequest => ({
  method: "DELETE",
  path: "/users/usr_missing_{{suffix}}",
  headers: { authorization },
});

/** RFC 6750's grammar: `Bearer` (any case), one space, one b64token; anything else is no credential. */
export const bearerCases: readonly ConformanceCase[] = [
  ...(
    [
      ["lower-case", "bearer user-token"],
      ["upper-case", "BEARER user-token"],
    ] as const
  ).map(
    ([id, authorization]): ConformanceCase => ({
      id: `bearer-scheme-${id}`,
      title: `the scheme in ${id} ("${authorization}") is a Bearer credential`,
      group,
      request: get("/me", { authorization }),
      expect: { status: 200, body: { equals: { ...ADA, role: "user" } } },
    }),
  ),
  ...(
    [
      ["bare", "a bare Bearer", "Bearer"],
      ["tab", "a tab after Bearer", "Bearer\tuser-token"],
      ["two-spaces", "two spaces after Bearer", "Bearer  user-token"],
      ["two-tokens", "two tokens", "Bearer user-token admin-token"],
      [
        "comma-joined",
        "two credentials joined by a comma (two headers)",
        "Bearer user-token, Bearer admin-token",
      ],
      ["not-b64token", "a token outside b64token", "Bearer user@token"],
      ["basic", "another scheme", "Basic dXNlci10b2tlbjo="],
    ] as const
  ).flatMap(([id, what, authorization]): ConformanceCase[] => [
    {
      id: `bearer-${id}`,
      title: `${what} on GET /me is no credential: 401 with the plain challenge`,
      group,
      request: get("/me", { authorization }),
      expect: { status: 401, error: "unauthenticated", headers: PLAIN_CHALLENGE },
    },
    {
      id: `bearer-${id}-delete`,
      title: `${what} on DELETE is no credential: 401 with the plain challenge`,
      group,
      request: remove(authorization),
      expect: { status: 401, error: "unauthenticated", headers: PLAIN_CHALLENGE },
    },
  ]),
  {
    id: "bearer-unknown-token-is-invalid",
    title: 'a well-formed unknown token is 401 with error="invalid_token"',
    group,
    request: get("/me", { authorization: "Bearer a.b-c_d~e+f/g==" }),
    expect: {
      status: 401,
      error: "unauthenticated",
      headers: { "WWW-Authenticate": { matches: '^Bearer .*error="invalid_token"' } },
    },
  },
];
