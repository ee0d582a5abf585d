import { defineErrors, ErrorBody, notFound, ProblemBody, type ReportContext } from "@error-contract/core";
import {
  BadGatewayException,
  BadRequestException,
  Controller,
  Get,
  HttpException,
  NotFoundException,
  Res,
} from "@nestjs/common";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platforms, startApp, type TestApp } from "../test/test-app.js";
import { ErrorContractModule } from "./error-contract-module.js";
import { TraceId } from "./trace-id.js";

const SECRET = "S3CRET-do-not-leak";
const errors = defineErrors({ email_taken: { status: 409, message: "Email already registered" } });
// A code the app's catalog does not declare: the filter must answer with the generic code.
const errorsWithoutCatalog = defineErrors({ stale: { status: 409, message: "Stale" } });

@Controller()
class ThrowingController {
  @Get("ok")
  ok(@TraceId() traceId: string) {
    return { traceId };
  }

  @Get("api-error")
  apiError() {
    throw errors.email_taken();
  }

  @Get("missing")
  missing() {
    throw notFound("No such thing");
  }

  @Get("nest/string")
  nestString() {
    throw new HttpException("Too many", 429);
  }

  @Get("nest/object")
  nestObject() {
    throw new HttpException({ message: "Bad thing", secret: SECRET, statusCode: 400 }, 400);
  }

  @Get("nest/array")
  nestArray() {
    throw new BadRequestException(["name must be a string", "age must be a number"]);
  }

  @Get("nest/no-message")
  nestNoMessage() {
    throw new HttpException({ secret: SECRET }, 418);
  }

  @Get("nest/not-found")
  nestNotFound() {
    throw new NotFoundException();
  }

  @Get("nest/5xx")
  nest5xx() {
    throw new BadGatewayException(SECRET);
  }

  @Get("nest/status-200")
  nestStatus200() {
    throw new HttpException(SECRET, 200);
  }

  @Get("error")
  error() {
    throw new Error(SECRET);
  }

  @Get("string")
  string() {
    throw SECRET;
  }

  @Get("duck")
  duck() {
    throw { statusCode: 502, status: 502, message: SECRET };
  }

  @Get("async")
  async rejected() {
    await Promise.resolve();
    throw new Error(SECRET);
  }

  @Get("undeclared")
  undeclared() {
    throw errorsWithoutCatalog.stale();
  }

  @Get("after-headers")
  afterHeaders(@Res() response: { raw?: NodeJS.WritableStream } & NodeJS.WritableStream) {
    const raw = (response.raw ?? response) as unknown as {
      writeHead(status: number): void;
      write(s: string): void;
    };
    raw.writeHead(200);
    raw.write("partial");
    throw new Error(SECRET);
  }
}

describe.each(platforms)("ErrorContractFilter on %s", (platform) => {
  let server: TestApp;
  const reports: Array<{ status: number; code: string; context: ReportContext }> = [];

  beforeAll(async () => {
    server = await startApp(platform, {
      imports: [
        ErrorContractModule.forRoot({
          format: "negotiate",
          catalog: errors,
          report: (error, context) => reports.push({ status: error.status, code: error.code, context }),
        }),
      ],
      controllers: [ThrowingController],
    });
  });
  afterAll(() => server.close());

  async function get(path: string, headers: Record<string, string> = {}, method = "GET") {
    const response = await fetch(`${server.url}${path}`, { method, headers });
    const text = await response.text();
    return { response, text };
  }

  /** The contract's checks on every error response; returns the parsed body. */
  async function contract(path: string, status: number, code: string, headers?: Record<string, string>) {
    const { response, text } = await get(path, headers);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/json(;|$)/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = ErrorBody.parse(JSON.parse(text));
    expect(body.error).toBe(code);
    expect(response.headers.get("x-request-id")).toBe(body.traceId);
    expect(text).not.toContain(SECRET);
    return body;
  }

  it("answers core's errors as they are", async () => {
    expect(await contract("/api-error", 409, "email_taken")).toMatchObject({
      message: "Email already registered",
    });
    expect(await contract("/missing", 404, "not_found")).toMatchObject({ message: "No such thing" });
  });

  it("keeps the status and message of Nest's HttpException on 4xx", async () => {
    expect((await contract("/nest/string", 429, "too_many_requests")).message).toBe("Too many");
    expect((await contract("/nest/not-found", 404, "not_found")).message).toBe("Not Found");
    expect((await contract("/nest/array", 400, "bad_request")).message).toBe(
      "name must be a string; age must be a number",
    );
  });

  it("never reflects getResponse() objects", async () => {
    const body = await contract("/nest/object", 400, "bad_request");
    expect(body).toEqual({ error: "bad_request", message: "Bad thing", traceId: body.traceId });
    // No message to keep: core's generic one for the status.
    expect((await contract("/nest/no-message", 418, "client_error")).message).toBe("Client Error");
  });

  it("hides the message of a 5xx HttpException and of anything else thrown", async () => {
    expect((await contract("/nest/5xx", 502, "bad_gateway")).message).toBe("Bad gateway");
    for (const path of ["/error", "/string", "/duck", "/async", "/nest/status-200"]) {
      expect((await contract(path, 500, "internal_error")).message).toBe("Internal server error");
    }
  });

  it("answers a router miss with a 404 that does not echo the path", async () => {
    const body = await contract("/nope/<b>x</b>", 404, "not_found");
    expect(body.message).toBe("Not found");
  });

  it("answers HEAD like GET, without a body", async () => {
    const { response, text } = await get("/nope", {}, "HEAD");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
    expect(text).toBe("");
  });

  it("answers with a generic code when the catalog does not declare the thrown one", async () => {
    expect((await contract("/undeclared", 409, "conflict")).message).toBe("Stale");
  });

  it("renders problem+json with its own media type when Accept prefers it", async () => {
    const { response, text } = await get("/api-error", { accept: "application/problem+json" });
    expect(response.status).toBe(409);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json(;|$)/);
    expect(response.headers.get("vary")).toMatch(/accept/i);
    const body = ProblemBody.parse(JSON.parse(text));
    expect(body).toMatchObject({ status: 409, title: "Conflict", error: "email_taken" });
    expect(server.logs.filter((line) => line.includes("Content-Type doesn't match"))).toEqual([]);
  });

  it("puts the request's trace id on success responses and in the handler", async () => {
    const { response, text } = await get("/ok", { "x-request-id": "req-42" });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("req-42");
    expect(JSON.parse(text)).toEqual({ traceId: "req-42" });
    const traced = await get("/ok", {
      traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    });
    expect(traced.response.headers.get("x-request-id")).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
    const invalid = await get("/missing", { "x-request-id": "bad id\u00e9" });
    expect(JSON.parse(invalid.text).traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it("reports each 5xx once, with its trace id, and no 4xx", async () => {
    reports.length = 0;
    await contract("/missing", 404, "not_found");
    const body = await contract("/error", 500, "internal_error", { "x-request-id": "trace-500" });
    expect(body.traceId).toBe("trace-500");
    expect(reports).toEqual([
      {
        status: 500,
        code: "internal_error",
        context: { traceId: "trace-500", method: "GET", path: "/error", status: 500, code: "internal_error" },
      },
    ]);
  });

  it("ends the connection without a second response when headers were sent", async () => {
    reports.length = 0;
    const read = fetch(`${server.url}/after-headers`, { headers: { "x-request-id": "late-1" } }).then(
      (response) => response.text(),
    );
    await expect(read).rejects.toThrow();
    expect(reports.map((r) => r.context.traceId)).toEqual(["late-1"]);
  });
});
