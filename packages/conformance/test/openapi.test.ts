import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CaseResult, deriveCases, type OpenApiDocument, runOpenApi } from "../src/index.js";
import { Pacer } from "../src/openapi/pacer.js";
import { createOpenApiServer } from "./openapi-server.js";
import { openApiVariants } from "./openapi-variants.js";
import { referenceDocument } from "./reference-openapi.js";
import { type Served, serveNode } from "./serve-node.js";

const CREDENTIALS = { authorization: "Bearer user-token" };
const ALL = deriveCases(referenceDocument, { allowWrites: true, hasCredentials: true }).cases;
const FAST = { perSecond: 2000, headers: CREDENTIALS };

const failures = (results: readonly CaseResult[]) =>
  results.filter((result) => !result.passed).map((result) => `${result.id}: ${result.problems.join(" | ")}`);

// Over real HTTP: fetch's Request (in process) refuses TRACE, which the safe run sends.
async function served<T>(
  handler: ReturnType<typeof createOpenApiServer>,
  use: (url: string) => Promise<T>,
): Promise<T> {
  const server = await serveNode(handler);
  try {
    return await use(server.url);
  } finally {
    await server.close();
  }
}

describe("cases derived from an OpenAPI document", () => {
  it("derives the API-wide, GET/HEAD, 401 and body cases of the reference document", () => {
    const ids = ALL.map((testCase) => testCase.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "openapi-unknown-path",
        "openapi-unserved-method-users",
        "openapi-get-user-head",
        "openapi-me-unknown-token",
        "openapi-register-charset",
        "openapi-register-missing-password",
        "openapi-register-wrong-type-name",
        "openapi-register-pattern-password",
        "openapi-register-max-length-name",
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ALL.length).toBe(44);
  });

  it("is safe by default: only GET, HEAD, OPTIONS and TRACE, the rest listed as left out", () => {
    const { cases, leftOut } = deriveCases(referenceDocument, { hasCredentials: true });
    expect(new Set(cases.map((testCase) => testCase.request.method))).toEqual(
      new Set(["GET", "HEAD", "TRACE"]),
    );
    expect(cases.length + leftOut.length).toBe(ALL.length);
    expect(leftOut.find((item) => item.id === "openapi-register-broken-json")?.reason).toContain(
      "--allow-writes",
    );
  });

  it("leaves out the body cases of a bearer-secured operation when no credentials are given", () => {
    const secured: OpenApiDocument = {
      ...referenceDocument,
      security: [{ bearer: [] }],
    };
    const { cases, leftOut } = deriveCases(secured, { allowWrites: true });
    expect(cases.some((testCase) => testCase.id === "openapi-register-broken-json")).toBe(false);
    expect(cases.some((testCase) => testCase.id === "openapi-register-no-credentials")).toBe(true);
    expect(leftOut.find((item) => item.id === "openapi-register-broken-json")?.reason).toContain("--header");
  });

  it("passes every case against the reference server over HTTP, with writes and without", async () => {
    await served(createOpenApiServer(), async (url) => {
      const results = await runOpenApi(url, referenceDocument, ALL, FAST);
      expect(failures(results)).toEqual([]);
      expect(results).toHaveLength(ALL.length);
      const safe = deriveCases(referenceDocument, { hasCredentials: true }).cases;
      expect(failures(await runOpenApi(url, referenceDocument, safe, FAST))).toEqual([]);
    });
  });

  it("passes every case with writes in process too", async () => {
    expect(failures(await runOpenApi(createOpenApiServer(), referenceDocument, ALL, FAST))).toEqual([]);
  });

  // In process, as the reference suite's variants run: node:http would drop a HEAD body itself.
  it.each(openApiVariants)("catches $rule ($quirk) by $caughtBy", async ({ quirk, caughtBy }) => {
    const results = await runOpenApi(createOpenApiServer(quirk), referenceDocument, ALL, FAST);
    const failed = results.filter((result) => !result.passed).map((result) => result.id);
    expect(failed).toEqual(expect.arrayContaining([...caughtBy]));
  });

  it("has a variant that each derived case is seen catching", () => {
    const caught = new Set(openApiVariants.flatMap((variant) => variant.caughtBy));
    expect(ALL.map((testCase) => testCase.id).filter((id) => !caught.has(id))).toEqual([]);
  });

  it("fails answers the document does not give: an undocumented status, a body off its schema", async () => {
    const drifted = structuredClone(referenceDocument) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const register = drifted.paths["/users"]?.post as { responses: Record<string, unknown> };
    delete register.responses["415"];
    const getUser = drifted.paths["/users/{id}"]?.get as { responses: Record<string, unknown> };
    getUser.responses["404"] = {
      description: "Not found",
      content: { "application/json": { schema: { type: "object", required: ["detail"] } } },
    };
    const document = drifted as unknown as OpenApiDocument;
    await served(createOpenApiServer(), async (url) => {
      const results = await runOpenApi(url, document, ALL, {
        ...FAST,
        only: ["openapi-register-wrong-content-type", "openapi-get-user-get", "openapi-unknown-path"],
      });
      expect(results.map((result) => [result.id, result.passed, result.problems])).toEqual([
        ["openapi-unknown-path", true, []],
        [
          "openapi-register-wrong-content-type",
          false,
          ["document: POST /users documents no 415 response (documented: 201, 400, 409, 413, 422, 500)"],
        ],
        [
          "openapi-get-user-get",
          false,
          ["document: the 404 response schema of GET /users/{id}: body must have required property 'detail'"],
        ],
      ]);
    });
  });

  it("refuses a run that needs more requests than allowed, before sending any", async () => {
    let sent = 0;
    const counting = (request: Request) => {
      sent++;
      return createOpenApiServer()(request);
    };
    await expect(runOpenApi(counting, referenceDocument, ALL, { maxRequests: 10 })).rejects.toThrow(
      /the cases need \d+ requests, over --max-requests 10/,
    );
    expect(sent).toBe(0);
  });

  it("paces requests to the rate", async () => {
    const pacer = new Pacer({ maxRequests: 5, perSecond: 50 });
    const started = performance.now();
    for (let i = 0; i < 5; i++) await pacer.next();
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
    await expect(pacer.next()).rejects.toThrow("request budget spent: 5 requests");
  });
});

describe("a service that keeps no contract", () => {
  let plain: Served;
  beforeAll(async () => {
    // A bare node:http handler: text/plain errors, no trace ids, whatever the body.
    plain = await serveNode(async (request) => {
      const url = new URL(request.url);
      if (url.pathname === "/users" && request.method === "POST")
        return new Response("created", { status: 201 });
      return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain" } });
    });
  });
  afterAll(() => plain.close());

  it("fails every derived case, each with a reason", async () => {
    const results = await runOpenApi(plain.url, referenceDocument, ALL, FAST);
    expect(results.filter((result) => result.passed).map((result) => result.id)).toEqual([]);
    for (const result of results) expect(result.problems.length).toBeGreaterThan(0);
  });
});
