import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { cases } from "@error-contract/conformance";
import { checkConformanceAnswers, formatMismatches } from "@error-contract/openapi/conformance";
import { compileErrors, validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "./server.mjs";

type Operation = { operationId: string; responses: Record<string, unknown> };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

const REDOCLY = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
const REDOCLY_CONFIG = fileURLToPath(new URL("../redocly.yaml", import.meta.url));

// The built server (dist/main.js) on each platform: the document comes from its own controllers.
for (const platform of ["express", "fastify"] as const) {
  describe(`nestjs-sample on ${platform}: GET /openapi.json`, () => {
    let server: RunningServer;
    let response: Response;
    let document: Document;
    beforeAll(async () => {
      server = await startServer(platform);
      response = await fetch(`${server.url}/openapi.json`);
      document = (await response.clone().json()) as Document;
    });
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

    it("passes redocly lint (recommended-strict, see redocly.yaml)", async () => {
      const dir = mkdtempSync(join(tmpdir(), "nestjs-sample-openapi-"));
      try {
        const file = join(dir, "openapi.json");
        writeFileSync(file, JSON.stringify(document, null, 2));
        const run = promisify(execFile)(
          process.execPath,
          [REDOCLY, "lint", file, "--config", REDOCLY_CONFIG],
          { env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
        );
        await expect(run).resolves.toMatchObject({ stdout: expect.anything() });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 30_000);

    it("documents every route of the reference API but the fault routes, each with a 4xx", () => {
      const documented = Object.entries(document.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(documented.sort()).toEqual(
        ["DELETE /users/{id}", "GET /me", "GET /openapi.json", "GET /users/{id}", "POST /users"].sort(),
      );
      for (const item of Object.values(document.paths)) {
        for (const operation of Object.values(item)) {
          if (operation.operationId === "OpenApiController_get") continue;
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
        onAnswer: (caseId) => {
          checked.add(caseId);
          answers++;
        },
      });
      expect(mismatches, formatMismatches(mismatches)).toEqual([]);
      // Every case of the suite answered, and each answer was checked (setup steps too).
      expect(checked).toEqual(new Set(cases.map(({ id }) => id)));
      expect(answers).toBeGreaterThan(cases.length);
    }, 60_000);

    it("fails, naming the case and the operation, when the document leaves out one error response", async () => {
      const variant = structuredClone(document);
      const register = variant.paths["/users"]?.post;
      expect(register?.responses).toHaveProperty("415");
      delete register?.responses["415"];
      const mismatches = await checkConformanceAnswers(variant, server.url);
      const problem = "operation UsersController_register (POST /users): status 415 is not documented";
      expect(mismatches).toContainEqual({
        caseId: "register-text-plain",
        answer: "POST /users → 415",
        problems: [problem],
      });
      for (const { problems } of mismatches) expect(problems).toEqual([problem]);
    }, 60_000);
  });
}
