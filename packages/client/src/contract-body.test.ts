import { ErrorBody, ProblemBody } from "@error-contract/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isErrorBody, isProblemBody } from "./contract-body.js";

const DEFAULT_MEMBERS = ["error", "message", "fields", "traceId"];
const PROBLEM_MEMBERS = ["type", "title", "status", "detail", "error", "fields", "traceId"];

// The contract's members of a body: what core's strict schemas judge once unknown members are
// set aside (the client keeps those instead of failing on them).
function contractMembers(body: unknown, members: readonly string[]): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([key]) => members.includes(key)));
}

const anyJson = fc.jsonValue({ maxDepth: 2 });
const text = fc.oneof(
  { weight: 1, arbitrary: fc.constant("") },
  { weight: 4, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 6, unit: "grapheme" }) },
);
const code = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/) },
  fc.constantFrom("A", "_a", "a-b", "a\n", "9a", "é"),
  text,
  anyJson,
);
// Mostly valid members, so that whole bodies pass often enough; else any JSON value.
const member = (value: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 8, arbitrary: value }, { weight: 1, arbitrary: anyJson });
const fields = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.dictionary(
      fc.oneof(fc.constantFrom("", "__proto__", "a.b"), fc.string({ maxLength: 4 })),
      member(text),
      {
        maxKeys: 3,
      },
    ),
  },
  anyJson,
);
const status = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 380, max: 620 }) },
  fc.double({ min: 399, max: 600 }),
  fc.constantFrom("422", 4e2),
);
const extras = fc.dictionary(
  fc.constantFrom("upgradeUrl", "instance", "statusCode", "v", "__proto__"),
  anyJson,
  { maxKeys: 2 },
);

const body = fc
  .record(
    {
      type: member(text),
      title: member(text),
      status: member(status),
      detail: member(text),
      error: member(code),
      message: member(text),
      fields: member(fields),
      traceId: member(text),
    },
    { requiredKeys: [] },
  )
  .chain((members) => fc.tuple(fc.constant(members), fc.oneof(fc.constant({}), extras)))
  // As a client receives it: JSON, parsed.
  .map(([members, more]) => JSON.parse(JSON.stringify({ ...more, ...members })) as unknown);

const bodies = fc.oneof({ weight: 8, arbitrary: body }, { weight: 1, arbitrary: anyJson });

describe("the hand checks and core's zod schemas agree", () => {
  it("isErrorBody accepts exactly what ErrorBody accepts (unknown members aside)", () => {
    fc.assert(
      fc.property(bodies, (value) => {
        expect(isErrorBody(value)).toBe(ErrorBody.safeParse(contractMembers(value, DEFAULT_MEMBERS)).success);
      }),
      { numRuns: 3000 },
    );
  });

  it("isProblemBody accepts exactly what ProblemBody accepts (unknown members aside)", () => {
    fc.assert(
      fc.property(bodies, (value) => {
        expect(isProblemBody(value)).toBe(
          ProblemBody.safeParse(contractMembers(value, PROBLEM_MEMBERS)).success,
        );
      }),
      { numRuns: 3000 },
    );
  });

  it("on a body with no other members, the checks and the strict schemas agree as they stand", () => {
    const strictDefault = fc
      .record(
        { error: member(code), message: member(text), fields: member(fields), traceId: member(text) },
        { requiredKeys: [] },
      )
      .map((value) => JSON.parse(JSON.stringify(value)) as unknown);
    fc.assert(
      fc.property(strictDefault, (value) => {
        expect(isErrorBody(value)).toBe(ErrorBody.safeParse(value).success);
      }),
      { numRuns: 2000 },
    );
  });

  it("the generators reach both verdicts (the properties are not vacuous)", () => {
    const sample = fc.sample(bodies, { numRuns: 3000, seed: 42 });
    const accepted = sample.filter((value) => isErrorBody(value)).length;
    const acceptedProblems = sample.filter((value) => isProblemBody(value)).length;
    expect(accepted).toBeGreaterThan(20);
    expect(acceptedProblems).toBeGreaterThan(5);
    expect(sample.length - accepted).toBeGreaterThan(20);
  });
});
