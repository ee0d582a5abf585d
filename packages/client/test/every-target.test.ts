import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runConformance } from "@error-contract/conformance";
import { describe, expect, it } from "vitest";
import { ContractError, parseError } from "../src/index.js";

interface Target {
  name: string;
  app: string;
  script: string;
  env: Record<string, string>;
}
interface Server {
  name: string;
  url: string;
  child: ChildProcess;
}

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
// The repository's own list of targets and its server-start helper (plain .mjs scripts, so
// imported by URL and typed here): every sample target as `npm start` runs it, its built server
// in its own process on a free loopback port. A new target joins by one line in targets.mjs.
const lib = (file: string) => pathToFileURL(join(ROOT, "scripts/lib", file)).href;
const { targets: all } = (await import(lib("targets.mjs"))) as { targets: Target[] };
const { startServer, stopServer } = (await import(lib("server-process.mjs"))) as {
  startServer(target: Target, appDir: string): Promise<Server>;
  stopServer(server: Server): Promise<void>;
};

describe.each(all)("parseError reads every error answer of a full conformance run on $name", (target) => {
  it("parses each one without a throw; on passed cases, to the contract it carries", {
    timeout: 120_000,
  }, async () => {
    const appDir = join(ROOT, target.app);
    const script = join(appDir, target.script);
    if (!existsSync(script))
      throw new Error(`${script} is missing: run \`npx turbo run build --filter=${target.app}...\` first`);
    const answers: Array<{ id: string; method: string; status: number; headers: Headers; body: string }> = [];
    const server = await startServer(target, appDir);
    let passed: Set<string>;
    let failedCases: string[];
    try {
      const results = await runConformance(server.url, {
        onResponse: (id, request, result) => answers.push({ id, method: request.method, ...result }),
      });
      passed = new Set(results.filter((result) => result.passed).map((result) => result.id));
      failedCases = results.filter((result) => !result.passed).map((result) => result.id);
    } finally {
      await stopServer(server);
    }
    const errors = answers.filter((answer) => answer.status >= 400);
    expect(errors.length).toBeGreaterThan(50);
    let checked = 0;
    for (const { id, method, status, headers, body } of errors) {
      const error = parseError({ status, headers, body }, { method });
      expect(error, id).toBeInstanceOf(ContractError);
      expect(error.status, id).toBe(status);
      if (!passed.has(id)) continue;
      // The case passed, so the answer is the contract: its header's trace id, and its body's
      // members when it has a body (HEAD has none).
      expect(error.traceId, id).toBe(headers.get("x-request-id"));
      expect(error.contract, id).toBe(body !== "");
      if (body !== "") {
        const sent = JSON.parse(body) as Record<string, unknown>;
        expect(error.code, id).toBe(sent.error);
        expect(error.message, id).toBe(sent.message ?? sent.detail);
        expect(error.traceId, id).toBe(sent.traceId);
        expect(error.fields, id).toEqual(sent.fields);
        if (status === 422) expect(error.action, id).toBe("fix_fields");
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
    console.info(
      `${target.name}: ${errors.length} error answers parsed, ${checked} checked as the contract; failed cases: ${failedCases.length}`,
      failedCases,
    );
  });
});
