import { runConformance } from "@error-contract/conformance";
import { createApp } from "hono-sample/src/app.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ContractError, parseError } from "../src/index.js";
import { startTestServer } from "./test-server.js";

beforeAll(() => {
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(() => {
  vi.restoreAllMocks();
});

type Target = Parameters<typeof runConformance>[0];

// Every error answer of a full conformance run against the Hono sample, as the runner read it
// (status, headers, body text): each must parse without a throw. Where the sample answered a
// case as the contract says (the sample's own tests hold that), the client reads the contract.
async function parseRun(
  target: Target,
): Promise<{ errors: number; contract: number; failedCases: string[] }> {
  const answers: Array<{ id: string; method: string; status: number; headers: Headers; body: string }> = [];
  const results = await runConformance(target, {
    onResponse: (id, request, result) => answers.push({ id, method: request.method, ...result }),
  });
  const passed = new Set(results.filter((result) => result.passed).map((result) => result.id));
  const errors = answers.filter((answer) => answer.status >= 400);
  expect(errors.length).toBeGreaterThan(50);
  let contract = 0;
  for (const { id, method, status, headers, body } of errors) {
    const error = parseError({ status, headers, body }, { method });
    expect(error, id).toBeInstanceOf(ContractError);
    expect(error.status, id).toBe(status);
    if (!passed.has(id)) continue;
    expect(error.contract, id).toBe(body !== "");
    if (body === "") continue;
    const sent = JSON.parse(body) as Record<string, unknown>;
    expect(error.code, id).toBe(sent.error);
    expect(error.message, id).toBe(sent.message ?? sent.detail);
    expect(error.traceId, id).toBe(headers.get("x-request-id"));
    if (status === 401) expect(error.challenge?.scheme.toLowerCase(), id).toBe("bearer");
    if (status === 422) expect(error.action, id).toBe("fix_fields");
    contract++;
  }
  return { errors: errors.length, contract, failedCases: results.filter((r) => !r.passed).map((r) => r.id) };
}

describe("parseError reads every error answer of a full conformance run", () => {
  it("on the Hono sample, in process", async () => {
    const app = createApp();
    const run = await parseRun((request) => app.request(request));
    expect(run.contract).toBeGreaterThan(40);
    console.info(
      `in process: ${run.errors} error answers parsed, ${run.contract} checked as the contract`,
      run.failedCases,
    );
  });

  it("on the Hono sample over real HTTP", async () => {
    const server = await startTestServer();
    try {
      const run = await parseRun(server.url);
      expect(run.contract).toBeGreaterThan(40);
      console.info(
        `over HTTP: ${run.errors} error answers parsed, ${run.contract} checked as the contract`,
        run.failedCases,
      );
    } finally {
      await server.close();
    }
  });
});
