import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type CaseResult, deriveCases, runConformance, runOpenApi } from "../src/index.js";
import { createPlainHono } from "./plain-hono.js";
import { startPlainNest } from "./plain-nest.js";
import { referenceDocument } from "./reference-openapi.js";
import { cli } from "./run-cli.js";
import { serveNode } from "./serve-node.js";

const OPENAPI_CASES = deriveCases(referenceDocument, { allowWrites: true, hasCredentials: true }).cases;
const problemsOf = (results: readonly CaseResult[], id: string) =>
  results.find((result) => result.id === id)?.problems ?? [`no result for ${id}`];

// Without the adapter, each framework answers with its own defaults; the suites name each break.
describe("a plain Hono app (no adapter)", () => {
  // Hono's default error handler logs each thrown error: keep the output readable.
  beforeAll(() => {
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });
  const app = createPlainHono();
  const target = (request: Request) => app.request(request);

  it("fails the reference suite, each failure with a reason", async () => {
    const results = await runConformance(target);
    const failed = results.filter((result) => !result.passed);
    expect(failed.length).toBeGreaterThan(results.length / 2);
    for (const result of failed) expect(result.problems.every((problem) => problem.length > 10)).toBe(true);
    expect(problemsOf(results, "route-unknown-get")).toEqual(
      expect.arrayContaining([
        "X-Request-Id header missing",
        'Content-Type: expected application/json, got "text/plain; charset=UTF-8"',
        'body is not JSON: "404 Not Found"',
      ]),
    );
    expect(problemsOf(results, "register-broken-json")[0]).toMatch(
      /^status: expected 400, got 500 with "Internal Server Error"/,
    );
  });

  it("fails the cases derived from the document, naming the always-400 and the 500s", async () => {
    const results = await runOpenApi(target, referenceDocument, OPENAPI_CASES, { perSecond: 5000 });
    expect(results.filter((result) => result.passed).map((result) => result.id)).toEqual([]);
    expect(problemsOf(results, "openapi-register-format-email")[0]).toMatch(
      /^status: expected 422, got 201 with /,
    );
    expect(problemsOf(results, "openapi-register-missing-email")).toEqual(
      expect.arrayContaining([
        "body: members the contract does not have: success",
        "fields: missing email (got none)",
        "document: the 400 response schema of POST /users: body must have required property 'error'",
      ]),
    );
    expect(problemsOf(results, "openapi-me-no-credentials")).toEqual(
      expect.arrayContaining([
        "401 without a WWW-Authenticate header",
        'document: the 401 response of GET /me is application/json or application/problem+json, the answer is "text/plain"',
      ]),
    );
  });
});

describe("a plain Nest app on Express (no adapter)", () => {
  let nest: Awaited<ReturnType<typeof startPlainNest>>;
  beforeAll(async () => {
    nest = await startPlainNest();
  }, 30_000);
  afterAll(() => nest?.close());

  it("fails the reference suite, each failure with a reason", async () => {
    const results = await runConformance(nest.url);
    const failed = results.filter((result) => !result.passed);
    expect(failed.length).toBeGreaterThan(results.length / 2);
    expect(problemsOf(results, "route-unknown-get")).toEqual(
      expect.arrayContaining([
        "X-Request-Id header missing",
        'Cache-Control: expected no-store, got "(none)"',
        "body: members the contract does not have: statusCode",
        'error code: expected not_found, got "Not Found"',
      ]),
    );
  });

  it("fails the cases derived from the document, and the CLI prints why", async () => {
    const results = await runOpenApi(nest.url, referenceDocument, OPENAPI_CASES, { perSecond: 5000 });
    expect(results.filter((result) => result.passed).map((result) => result.id)).toEqual([]);
    const document = join(tmpdir(), `reference-openapi-${process.pid}.json`);
    await writeFile(document, JSON.stringify(referenceDocument));
    const run = await cli("check", nest.url, "--openapi", document, "--only", "openapi-unknown-path");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^openapi-unknown-path\s+404 not_found\s+404 Not Found\s+FAIL\s+X-Request-Id header missing$/m,
    );
  });
});

describe("the hint for a service that is not the reference API", () => {
  it("suggests --openapi when most reference cases answer 404", async () => {
    const served = await serveNode(async () => new Response("Not Found", { status: 404 }));
    try {
      const run = await cli("check", served.url, "--skip-tag", "faults");
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /^hint: \d+ of \d+ cases answered 404: this service does not look like the reference API; check your own API with --openapi <its OpenAPI document>$/m,
      );
    } finally {
      await served.close();
    }
  });
});
