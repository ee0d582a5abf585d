import "reflect-metadata";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import type { ReportContext } from "@error-contract/core";
import { errorContract as expressContract } from "@error-contract/express";
import { errorContract as fastifyContract, serverOptions } from "@error-contract/fastify";
import { exactPath, errorContract as honoContract } from "@error-contract/hono";
import { ErrorContractModule, fastifyServerOptions } from "@error-contract/nestjs";
import { serve } from "@hono/node-server";
import { Controller, Get, Module, Res } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { FastifyAdapter } from "@nestjs/platform-fastify";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Each adapter set up as its README shows, in this process on real HTTP (127.0.0.1:0), with two
// routes the samples do not have: GET /stale sets the headers of a response it never sends, then
// throws; GET /boom throws. The report hook fails for trace ids starting "hook-fails".

/** What a middleware set for the client before the handler threw: reference API 1.2 keeps them. */
const KEPT: ReadonlyArray<readonly [string, string]> = [
  ["Strict-Transport-Security", "max-age=15552000; includeSubDomains"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-Frame-Options", "SAMEORIGIN"],
  ["Content-Security-Policy", "default-src 'self'"],
  ["Retry-After", "30"],
  ["RateLimit-Policy", "100;w=60"],
  ["WWW-Authenticate", 'Bearer realm="api"'],
];

/** Headers a handler set before it threw: the answer drops what described the response, keeps the rest, merges Vary. */
const STALE: ReadonlyArray<readonly [string, string]> = [
  ...KEPT,
  ["ETag", '"v1-of-another-resource"'],
  ["Content-Encoding", "gzip"],
  ["Content-Type", "text/html"],
  ["Content-Language", "fr"],
  ["Last-Modified", "Tue, 01 Dec 2026 00:00:00 GMT"],
  ["Set-Cookie", "session=stale; Path=/"],
  ["Location", "/somewhere-else"],
  ["Vary", "Origin"],
  ["Access-Control-Allow-Origin", "https://app.example"],
  ["Access-Control-Expose-Headers", "X-Request-Id"],
];
const SECRET = "S3CRET-alignment-do-not-leak";

/** What each target's report hook was called with (`hook-fails` ids throw instead). */
const reported: Array<{ target: string; message: string; context: ReportContext }> = [];
const reportOf =
  (target: string) =>
  (error: Error, context: ReportContext): void => {
    if (context.traceId.startsWith("hook-fails")) throw new Error("the report hook is down");
    reported.push({ target, message: error.message, context });
  };
const options = (target: string) => ({ format: "negotiate" as const, report: reportOf(target) });

interface Running {
  url: string;
  close(): Promise<unknown>;
}

const origin = (address: AddressInfo | string | null) => `http://127.0.0.1:${(address as AddressInfo).port}`;

async function hono(): Promise<Running> {
  const contract = honoContract(options("hono"));
  const app = new Hono({ getPath: exactPath });
  app.onError(contract.onError);
  app.notFound(contract.notFound);
  app.get("/stale", (c) => {
    for (const [name, value] of STALE) c.header(name, value, { append: true });
    throw new Error(SECRET);
  });
  app.get("/boom", () => {
    throw new Error(SECRET);
  });
  app.get("/kept", (c) => {
    for (const [name, value] of STALE) c.header(name, value, { append: true });
    return c.text("ok");
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: contract.fetch(app), hostname: "127.0.0.1", port: 0 }, () =>
      resolve(started),
    );
  });
  return {
    url: origin(server.address()),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function expressApp(): Promise<Running> {
  const contract = expressContract(options("express"));
  const app = express();
  app.disable("x-powered-by").disable("etag");
  app.set("case sensitive routing", true).set("strict routing", true);
  app.use(contract.traceId);
  app.get("/stale", (_req, res) => {
    for (const [name, value] of STALE) res.setHeader(name, value);
    throw new Error(SECRET);
  });
  app.get("/boom", () => {
    throw new Error(SECRET);
  });
  app.get("/kept", (_req, res) => {
    for (const [name, value] of STALE) res.setHeader(name, value);
    res.send("ok");
  });
  app.use(contract.notFound);
  app.use(contract.errorHandler);
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const started = app.listen(0, "127.0.0.1", () => resolve(started));
  });
  return { url: origin(server.address()), close: () => new Promise((resolve) => server.close(resolve)) };
}

async function fastify(): Promise<Running> {
  const app = Fastify({ ...serverOptions(), bodyLimit: 64 * 1024 });
  await app.register(fastifyContract, options("fastify"));
  app.get("/stale", async (_request, reply) => {
    for (const [name, value] of STALE) reply.header(name, value);
    throw new Error(SECRET);
  });
  app.get("/boom", async () => {
    throw new Error(SECRET);
  });
  app.get("/kept", async (_request, reply) => {
    for (const [name, value] of STALE) reply.header(name, value);
    return "ok";
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  return { url: origin(app.server.address()), close: () => app.close() };
}

/** The Nest app on either platform; decorators applied as functions (no decorator transform here). */
async function nest(platform: "express" | "fastify"): Promise<Running> {
  class FailingController {
    stale(response: { header(name: string, value: string): unknown }): never {
      for (const [name, value] of STALE) response.header(name, value);
      throw new Error(SECRET);
    }
    boom(): never {
      throw new Error(SECRET);
    }
    kept(response: { header(name: string, value: string): unknown }): string {
      for (const [name, value] of STALE) response.header(name, value);
      return "ok";
    }
  }
  const method = (name: keyof FailingController) =>
    Object.getOwnPropertyDescriptor(FailingController.prototype, name) as PropertyDescriptor;
  Res({ passthrough: true })(FailingController.prototype, "stale", 0);
  Get("stale")(FailingController.prototype, "stale", method("stale"));
  Get("boom")(FailingController.prototype, "boom", method("boom"));
  Res({ passthrough: true })(FailingController.prototype, "kept", 0);
  Get("kept")(FailingController.prototype, "kept", method("kept"));
  Controller()(FailingController);
  class AppModule {}
  Module({
    imports: [ErrorContractModule.forRoot(options(`nest-${platform}`))],
    controllers: [FailingController],
  })(AppModule);
  const app =
    platform === "express"
      ? await NestFactory.create(AppModule, { logger: false })
      : await NestFactory.create(AppModule, new FastifyAdapter({ ...fastifyServerOptions() }), {
          logger: false,
        });
  await app.listen(0, "127.0.0.1");
  return { url: origin(app.getHttpServer().address()), close: () => app.close() };
}

const TARGETS = {
  hono,
  "nest-express": () => nest("express"),
  "nest-fastify": () => nest("fastify"),
  express: expressApp,
  fastify,
} as const;
type Name = keyof typeof TARGETS;
const NAMES = Object.keys(TARGETS) as Name[];

// Transport headers, which each HTTP stack may set its own way; every other header is compared.
const TRANSPORT = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding"]);

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** The headers of an answer as sent (node:http: no content decoding of the `gzip` it claims). */
function rawHeaders(url: string): Promise<Record<string, string | string[] | undefined>> {
  return new Promise((resolve, reject) => {
    request(url, (response) => {
      response.resume();
      response.on("end", () => resolve(response.headers));
    })
      .on("error", reject)
      .end();
  });
}

async function get(url: string, traceId: string): Promise<Answer> {
  const response = await fetch(url, { headers: { "X-Request-Id": traceId, Origin: "https://app.example" } });
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) if (!TRANSPORT.has(name)) headers[name] = value;
  // Set-Cookie is the one header fetch keeps apart.
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies.join(" | ");
  return { status: response.status, headers, body: JSON.parse(await response.text()) };
}

/** Every line written to the console or to stdout/stderr while the tests run. */
const written: string[] = [];
const running = new Map<Name, Running>();

beforeAll(async () => {
  for (const method of ["error", "warn", "log", "info"] as const) {
    vi.spyOn(console, method).mockImplementation((...parts: unknown[]) => {
      written.push(parts.map(String).join(" "));
    });
  }
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    vi.spyOn(stream, "write").mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      written.push(...String(chunk).split("\n"));
      return write(chunk, ...rest);
    }) as typeof stream.write);
  }
  for (const name of NAMES) running.set(name, await TARGETS[name]());
}, 60_000);
afterAll(async () => {
  await Promise.all([...running.values()].map((server) => server.close()));
  vi.restoreAllMocks();
});

const url = (name: Name, path: string) => `${running.get(name)?.url}${path}`;

/** The lines mentioning the trace id, once the writer had a moment to write them. */
async function linesOf(traceId: string): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  return written.filter((line) => line.includes(traceId));
}

describe("the error answer carries none of the failed response's headers", () => {
  const answers = new Map<Name, Answer>();

  // The control: the same headers set by a handler that does not throw are all sent, so the
  // error answer's lack of them below is the error path's doing.
  it.each(NAMES)("%s: a handler that does not throw sends the headers it set", async (name) => {
    const headers = await rawHeaders(url(name, "/kept"));
    expect(headers.etag).toBe('"v1-of-another-resource"');
    expect(headers["content-encoding"]).toBe("gzip");
    expect(headers["content-language"]).toBe("fr");
    expect(headers.location).toBe("/somewhere-else");
    expect(headers["set-cookie"]).toEqual(["session=stale; Path=/"]);
  });

  it.each(NAMES)(
    "%s: stale headers dropped; security, rate-limit, challenge and CORS kept; Vary merged",
    async (name) => {
      const answer = await get(url(name, "/stale"), `stale-${name}`);
      answers.set(name, answer);
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual({
        error: "internal_error",
        message: "Internal server error",
        traceId: `stale-${name}`,
      });
      expect(answer.headers["content-type"]).toMatch(/^application\/json(;\s*charset=utf-8)?$/i);
      expect(answer.headers["cache-control"]).toBe("no-store");
      expect(answer.headers["x-request-id"]).toBe(`stale-${name}`);
      for (const stale of ["etag", "content-encoding", "content-language", "last-modified", "location"])
        expect(answer.headers, stale).not.toHaveProperty(stale);
      expect(answer.headers, "set-cookie").not.toHaveProperty("set-cookie");
      expect(answer.headers["access-control-allow-origin"]).toBe("https://app.example");
      expect(answer.headers["access-control-expose-headers"]).toBe("X-Request-Id");
      expect(answer.headers.vary).toBe("Origin, Accept");
      for (const [header, value] of KEPT) expect(answer.headers[header.toLowerCase()], header).toBe(value);
      expect(answer.headers, "x-powered-by").not.toHaveProperty("x-powered-by");
      expect(JSON.stringify(answer)).not.toContain(SECRET);
    },
  );

  it("every target answers with the same headers", () => {
    const names = (name: Name) => Object.keys(answers.get(name)?.headers ?? {}).sort();
    expect(answers.size).toBe(NAMES.length);
    for (const name of NAMES) expect(names(name), name).toEqual(names("hono"));
  });
});

describe("a failing report hook behaves the same on every target", () => {
  it.each(NAMES)("%s: the normal 500, and exactly one JSON log line with reportHookError", async (name) => {
    const traceId = `hook-fails-${name}`;
    const answer = await get(url(name, "/boom"), traceId);
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ error: "internal_error", message: "Internal server error", traceId });
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.headers["x-request-id"]).toBe(traceId);
    const lines = await linesOf(traceId);
    expect(lines, lines.join("\n")).toHaveLength(1);
    const line = JSON.parse(lines[0] as string);
    expect(line).toMatchObject({
      level: 50,
      traceId,
      method: "GET",
      path: "/boom",
      status: 500,
      code: "internal_error",
      reportHookError: { message: "the report hook is down" },
    });
    expect(JSON.stringify(line.err)).toContain(SECRET); // the real error goes to the log, not the client
  });

  it.each(NAMES)(
    "%s: a working hook is called once, with (error, { traceId, method, path, status, code })",
    async (name) => {
      const traceId = `hook-works-${name}`;
      await get(url(name, "/boom"), traceId);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const calls = reported.filter((call) => call.context.traceId === traceId);
      expect(calls.map((call) => call.target)).toEqual([name]);
      expect(calls[0]?.context).toEqual({
        traceId,
        method: "GET",
        path: "/boom",
        status: 500,
        code: "internal_error",
      });
      expect(await linesOf(traceId)).toEqual([]); // the hook replaces the default log line
    },
  );
});
