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
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildApp } from "../src/app.js";

type Document = {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
};

const REDOCLY = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
const REDOCLY_CONFIG = fileURLToPath(new URL("../redocly.yaml", import.meta.url));

// In process, over loopback HTTP: a fresh app (and user store) per run.
const apps: Array<Awaited<ReturnType<typeof buildApp>>> = [];
const inProcess = async () => {
  const app = await buildApp();
  apps.push(app);
  return app.listen({ port: 0, host: "127.0.0.1" });
};

/** `METHOD /path` of every route Fastify serves, read from its route tree (`printRoutes`). */
function servedRoutes(tree: string): string[] {
  const prefixes: string[] = [];
  return tree.split("\n").flatMap((line) => {
    const match = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)$/.exec(line);
    if (match === null) return [];
    const depth = (match[1]?.length ?? 0) / 4;
    prefixes.length = depth;
    const path = `${prefixes.join("")}${match[2]}`;
    prefixes.push(match[2] ?? "");
    return (match[3] ?? "").split(", ").map((method) => `${method} ${path}`);
  });
}

let document: Document;
let response: Response;
let served: string[];
beforeAll(async () => {
  response = await fetch(`${await inProcess()}/openapi.json`);
  document = (await response.clone().json()) as Document;
  served = servedRoutes(apps[0]?.printRoutes({ commonPrefix: false }) ?? "");
  // The fault cases log one line per 5xx by design.
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(async () => {
  for (const app of apps) await app.close();
  vi.restoreAllMocks();
});

describe("fastify-sample GET /openapi.json", () => {
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
    const dir = mkdtempSync(join(tmpdir(), "fastify-sample-openapi-"));
    try {
      const file = join(dir, "openapi.json");
      writeFileSync(file, JSON.stringify(document, null, 2));
      const run = promisify(execFile)(process.execPath, [REDOCLY, "lint", file, "--config", REDOCLY_CONFIG], {
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      });
      await expect(run).resolves.toMatchObject({ stdout: expect.anything() });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it("documents every route the app serves but the fault routes, and no other", () => {
    // HEAD routes are the ones Fastify adds to each GET (exposeHeadRoutes), answered by GET.
    expect(served).toContain("GET /users/:id");
    const documentedRoutes = served
      .filter((route) => !route.startsWith("HEAD ") && !route.includes(" /faults"))
      .map((route) => route.replace(/:(\w+)/g, "{$1}"));
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(new Set(documented)).toEqual(new Set(documentedRoutes));
  });

  it("documents a 4xx on every operation that has one in the spec", () => {
    for (const item of Object.values(document.paths)) {
      for (const operation of Object.values(item)) {
        if (operation.operationId === "getOpenApiDocument") continue;
        expect(Object.keys(operation.responses), operation.operationId).toContainEqual(
          expect.stringMatching(/^4\d\d$/),
        );
      }
    }
  });
});

describe("fastify-sample answers against its own document (openapi-backend)", () => {
  it("every answer of a full conformance run is documented and matches", async () => {
    const checked = new Set<string>();
    let answers = 0;
    const mismatches = await checkConformanceAnswers(document, await inProcess(), {
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
    const getUser = variant.paths["/users/{id}"]?.get;
    expect(getUser?.responses).toHaveProperty("404");
    delete getUser?.responses["404"];
    const mismatches = await checkConformanceAnswers(variant, await inProcess());
    expect(mismatches.length).toBeGreaterThan(0);
    expect(mismatches).toContainEqual({
      caseId: "user-not-found",
      answer: expect.stringMatching(/^GET \/users\/\S+ → 404$/),
      problems: ["operation getUser (GET /users/{id}): status 404 is not documented"],
    });
    // Every mismatch is that one left-out response, and nothing else.
    for (const { problems } of mismatches) {
      expect(problems).toEqual(["operation getUser (GET /users/{id}): status 404 is not documented"]);
    }
  }, 60_000);
});
