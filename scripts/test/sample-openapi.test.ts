import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { cases } from "@error-contract/conformance";
import { checkConformanceAnswers, formatMismatches } from "@error-contract/openapi/conformance";
import { compileErrors, validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, type SampleServer, START_TIMEOUT, sampleTargets, startSample } from "./sample-targets.js";

type Operation = { operationId: string; responses: Record<string, unknown> };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

/** Every case of the reference suite, the ones off by default (tag `wording`) included. */
const everyCase = cases.map(({ id }) => id);

const REDOCLY = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");

/** The reference API's routes but the fault routes: what every sample documents. */
const REFERENCE_ROUTES = [
  "DELETE /users/{id}",
  "GET /me",
  "GET /openapi.json",
  "GET /users/{id}",
  "POST /users",
];

/** Error responses left out of a copy of the document, and the answer each must then be named by. */
const leftOut = [
  {
    path: "/users/{id}",
    method: "get",
    status: "404",
    caseId: "user-not-found",
    answer: /^GET \/users\/\S+ → 404$/,
  },
  {
    path: "/users",
    method: "post",
    status: "415",
    caseId: "register-text-plain",
    answer: /^POST \/users → 415$/,
  },
];

// Each sample's built server: GET /openapi.json comes from its own routes, and every answer of a
// conformance run is checked against it. Whether the document has every route the app serves is
// each sample's own test (it reads its framework's route table).
for (const target of sampleTargets) {
  describe(`${target.name} sample, built: GET /openapi.json`, () => {
    let server: SampleServer;
    let response: Response;
    let document: Document;
    beforeAll(async () => {
      server = await startSample(target);
      response = await fetch(`${server.url}/openapi.json`);
      document = (await response.clone().json()) as Document;
    }, START_TIMEOUT);
    afterAll(() => server?.stop());

    it("is an OpenAPI 3.1 document served as application/json", () => {
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/json\b/);
      expect(document.openapi).toBe("3.1.0");
    });

    it("passes @readme/openapi-parser's validation", async () => {
      const result = await validate(structuredClone(document) as never);
      expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    });

    it("passes redocly lint (recommended-strict, see the sample's redocly.yaml)", async () => {
      const dir = mkdtempSync(join(tmpdir(), `${target.name}-openapi-`));
      try {
        const file = join(dir, "openapi.json");
        writeFileSync(file, JSON.stringify(document, null, 2));
        const config = join(ROOT, target.app, "redocly.yaml");
        const run = promisify(execFile)(process.execPath, [REDOCLY, "lint", file, "--config", config], {
          env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
        });
        await expect(run).resolves.toMatchObject({ stdout: expect.anything() });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it("documents every route of the reference API but the fault routes, each with a 4xx", () => {
      const documented = Object.entries(document.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(documented.sort()).toEqual([...REFERENCE_ROUTES].sort());
      for (const [path, item] of Object.entries(document.paths)) {
        for (const operation of Object.values(item)) {
          if (path === "/openapi.json") continue; // the document itself has no error of the spec
          expect(Object.keys(operation.responses), operation.operationId).toContainEqual(
            expect.stringMatching(/^4\d\d$/),
          );
        }
      }
    });

    it("every answer of a full conformance run is documented and matches (openapi-backend)", async () => {
      const checked = new Set<string>();
      let answers = 0;
      const mismatches = await checkConformanceAnswers(document, server.url, {
        only: everyCase, // the opt-in cases (the toolkit's own wording) too
        onAnswer: (caseId) => {
          checked.add(caseId);
          answers++;
        },
      });
      expect(mismatches, formatMismatches(mismatches)).toEqual([]);
      // Every case of the suite answered, and each answer was checked (setup steps too).
      expect(checked).toEqual(new Set(everyCase));
      expect(answers).toBeGreaterThan(cases.length);
    });

    for (const { path, method, status, caseId, answer } of leftOut) {
      it(`fails, naming the case and the operation, when the document leaves out ${method.toUpperCase()} ${path} ${status}`, async () => {
        const variant = structuredClone(document);
        const operation = variant.paths[path]?.[method];
        expect(operation?.responses).toHaveProperty(status);
        delete operation?.responses[status];
        const problem = `operation ${operation?.operationId} (${method.toUpperCase()} ${path}): status ${status} is not documented`;
        const mismatches = await checkConformanceAnswers(variant, server.url);
        expect(mismatches.length).toBeGreaterThan(0);
        expect(mismatches).toContainEqual({
          caseId,
          answer: expect.stringMatching(answer),
          problems: [problem],
        });
        // Every mismatch is that one left-out response, and nothing else.
        for (const { problems } of mismatches) expect(problems).toEqual([problem]);
      });
    }
  });
}
