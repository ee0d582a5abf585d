import { ErrorBody } from "@error-contract/core";
import { Controller, Get } from "@nestjs/common";
import { HttpAdapterHost } from "@nestjs/core";
import { afterEach, describe, expect, it } from "vitest";
import { ErrorContractFilter } from "./error-contract-filter.js";
import { platforms, startApp, type TestApp } from "./test-app.js";
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

  it("still answers with a JSON 500 when writing through Nest's adapter fails", async () => {
    server = await startApp(platform, { controllers: [FailingController] }, (app) => {
      const { httpAdapter } = app.get(HttpAdapterHost);
      const broken = new Proxy(httpAdapter, {
        get: (target, name, receiver) =>
          name === "reply"
            ? () => {
                throw new Error("adapter down");
              }
            : Reflect.get(target, name, receiver),
      });
      app.useGlobalFilters(new ErrorContractFilter({}, { httpAdapter: broken } as HttpAdapterHost));
    });
    const response = await fetch(`${server.url}/boom`, { headers: { "x-request-id": "fail-1" } });
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(ErrorBody.parse(await response.json())).toMatchObject({
      error: "internal_error",
      traceId: "fail-1",
    });
    const lines = server.logs.filter((line) => line.includes("[error-contract]"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("adapter down");
    expect(lines[0]).toContain("S3CRET"); // the original error, as the failure's cause
  });

  it("logs the error itself when the report hook throws", async () => {
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
    const response = await fetch(`${server.url}/boom`);
    expect(response.status).toBe(500);
    const lines = server.logs.filter((line) => line.includes("[error-contract]"));
    expect(lines.some((line) => line.includes("hook down"))).toBe(true);
    expect(lines.some((line) => line.includes("Error: S3CRET"))).toBe(true);
  });
});
