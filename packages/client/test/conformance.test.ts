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

interface Seen {
  method: string;
  path: string;
  response: Response;
}

// Every answer of a full conformance run against the Hono sample, seen at the target: each
// error answer must parse, without a throw, to what its body and headers say.
describe("parseError reads every error answer of a full conformance run", () => {
  it("on the Hono sample, in process", async () => {
    const app = createApp();
    const seen: Seen[] = [];
    const results = await runConformance(async (request) => {
      const response = await app.request(request);
      seen.push({ method: request.method, path: new URL(request.url).pathname, response: response.clone() });
      return response;
    });
    expect(results.filter((result) => !result.passed)).toEqual([]);
    const errors = seen.filter(({ response }) => response.status >= 400);
    expect(errors.length).toBeGreaterThan(50);
    let contract = 0;
    for (const { method, path, response } of errors) {
      const status = response.status;
      const text = await response.clone().text();
      const error = await parseError(response, { method });
      const where = `${method} ${path} → ${status}`;
      expect(error, where).toBeInstanceOf(ContractError);
      expect(error.status, where).toBe(status);
      if (method === "HEAD") {
        expect(error.contract, where).toBe(false);
        continue;
      }
      const body = JSON.parse(text) as Record<string, unknown>;
      expect(error.contract, where).toBe(true);
      expect(error.code, where).toBe(body.error);
      expect(error.traceId, where).toBe(response.headers.get("x-request-id"));
      expect(error.message, where).toBe(body.message ?? body.detail);
      if (status === 401) expect(error.challenge?.scheme.toLowerCase(), where).toBe("bearer");
      if (status === 422) expect(error.action, where).toBe("fix_fields");
      contract++;
    }
    console.info(
      `${results.length} cases, ${errors.length} error answers parsed, ${contract} of them the contract`,
    );
  });

  it("on the Hono sample over real HTTP, the answers as read (status, headers, body text)", async () => {
    const server = await startTestServer();
    const answers: Array<{ id: string; method: string; status: number; headers: Headers; body: string }> = [];
    try {
      const results = await runConformance(server.url, {
        onResponse: (id, request, result) => answers.push({ id, method: request.method, ...result }),
      });
      expect(results.filter((result) => !result.passed)).toEqual([]);
    } finally {
      await server.close();
    }
    const errors = answers.filter((answer) => answer.status >= 400);
    expect(errors.length).toBeGreaterThan(50);
    for (const { id, method, status, headers, body } of errors) {
      const error = parseError({ status, headers, body }, { method });
      expect(error, id).toBeInstanceOf(ContractError);
      expect(error.status, id).toBe(status);
      expect(error.contract, id).toBe(body !== "");
      if (body !== "") expect(error.code, id).toBe((JSON.parse(body) as { error: string }).error);
    }
    console.info(`over HTTP: ${answers.length} answers, ${errors.length} error answers parsed`);
  });
});
