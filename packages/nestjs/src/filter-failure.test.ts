import { ErrorBody } from "@error-contract/core";
import { Controller, Get } from "@nestjs/common";
import { HttpAdapterHost } from "@nestjs/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { platforms, startApp, type TestApp } from "../test/test-app.js";
import { ErrorContractFilter } from "./error-contract-filter.js";
import { traceIdMiddleware } from "./trace-id.js";

@Controller()
class FailingController {
  @Get("ok")
  ok() {
    return { ok: true };
  }

  @Get("boom")
  boom() {
    throw new Error("S3CRET");
  }
}

describe.each(platforms)("ErrorContractFilter via useGlobalFilters on %s", (platform) => {
  let server: TestApp | undefined;
  afterEach(() => server?.close());

  it("answers with the contract and logs 5xx on Nest's Logger by default", async () => {
    server = await startApp(platform, { controllers: [FailingController] }, (app) => {
      app.useGlobalFilters(new ErrorContractFilter({}, app.get(HttpAdapterHost)));
      app.use(traceIdMiddleware);
    });
    const ok = await fetch(`${server.url}/ok`, { headers: { "x-request-id": "ok-1" } });
    expect(ok.headers.get("x-request-id")).toBe("ok-1");
    const response = await fetch(`${server.url}/boom`, { headers: { "x-request-id": "log-me" } });
    expect(response.status).toBe(500);
    expect(ErrorBody.parse(await response.json())).toEqual({
      error: "internal_error",
      message: "Internal server error",
      traceId: "log-me",
    });
    const lines = server.logs.filter((line) => line.includes("[error-contract]"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^error: \[error-contract\] 500 internal_error traceId=log-me GET \/boom - Error: S3CRET/,
    );
  });

  it("answers as if nothing failed when the report hook throws, and logs it once with console.error", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      server = await startApp(platform, { controllers: [FailingController] }, (app) =>
        app.useGlobalFilters(
          new ErrorContractFilter(
            {
              report: () => {
                throw new Error("hook down");
              },
            },
            app.get(HttpAdapterHost),
          ),
        ),
      );
      const response = await fetch(`${server.url}/boom`, { headers: { "x-request-id": "hook-1" } });
      expect(response.status).toBe(500);
      expect(ErrorBody.parse(await response.json())).toEqual({
        error: "internal_error",
        message: "Internal server error",
        traceId: "hook-1",
      });
      expect(log).toHaveBeenCalledTimes(1);
      const line = String(log.mock.calls[0]?.[0]);
      expect(line).toMatch(
        /^\[error-contract\] 500 internal_error traceId=hook-1 GET \/boom - Error: S3CRET/,
      );
      expect(line).toContain("[report hook failed: Error: hook down");
      expect(server.logs).toEqual([]);
    } finally {
      log.mockRestore();
    }
  });
});
