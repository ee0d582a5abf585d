import { ErrorBody } from "@error-contract/core";
import { Controller, Get } from "@nestjs/common";
import { afterEach, describe, expect, it, vi } from "vitest";
import { platforms, startApp, type TestApp } from "../test/test-app.js";
import { ErrorContractFilter } from "./error-contract-filter.js";
import { traceIdMiddleware } from "./index.js";

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

  it("answers with the contract and logs each 5xx as one JSON line on console.error by default", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      server = await startApp(platform, { controllers: [FailingController] }, (app) => {
        app.useGlobalFilters(new ErrorContractFilter({}));
        app.use(traceIdMiddleware);
      });
      const ok = await fetch(`${server.url}/ok`, { headers: { "x-request-id": "ok-1" } });
      expect(ok.headers.get("x-request-id")).toBe("ok-1");
      const response = await fetch(`${server.url}/boom`, { headers: { "x-request-id": "log-me" } });
      expect(response.status).toBe(500);
      const body = ErrorBody.parse(await response.json());
      expect(body).toEqual({ error: "internal_error", message: "Internal server error", traceId: "log-me" });
      expect(log).toHaveBeenCalledTimes(1);
      const line = String(log.mock.calls[0]?.[0]);
      expect(line).not.toMatch(/[\r\n]/);
      expect(JSON.parse(line)).toMatchObject({
        level: 50,
        msg: "500 internal_error GET /boom",
        traceId: body.traceId,
        method: "GET",
        path: "/boom",
        status: 500,
        code: "internal_error",
        err: { type: "ApiError", cause: { type: "Error", message: "S3CRET" } },
      });
      // Nest's Logger is not used: no prefix, no second line.
      expect(server.logs).toEqual([]);
    } finally {
      log.mockRestore();
    }
  });

  it("answers as if nothing failed when the report hook throws, and logs it once with console.error", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      server = await startApp(platform, { controllers: [FailingController] }, (app) =>
        app.useGlobalFilters(
          new ErrorContractFilter({
            report: () => {
              throw new Error("hook down");
            },
          }),
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
      expect(JSON.parse(line)).toMatchObject({
        level: 50,
        traceId: "hook-1",
        err: { cause: { message: "S3CRET" } },
        reportHookError: { type: "Error", message: "hook down" },
      });
      expect(server.logs).toEqual([]);
    } finally {
      log.mockRestore();
    }
  });
});
