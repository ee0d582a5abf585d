import { ApiError, defineErrors, ErrorBody, ProblemBody, unauthenticated } from "@error-contract/core";
import { REQUEST_BODY_ERRORS } from "@error-contract/core/adapter";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { describe, expect, it, vi } from "vitest";
import { type ContractEnv, type ErrorContractOptions, errorContract } from "./error-contract.js";

const SECRET = "S3CRET-do-not-leak";
const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

function createApp(options: ErrorContractOptions = {}) {
  const report = vi.fn();
  const contract = errorContract({ report, ...options });
  const app = new Hono<ContractEnv>();
  app.use(contract.middleware);
  app.onError(contract.onError);
  app.notFound(contract.notFound);
  app.get("/ok", (c) => c.json({ traceId: c.var.traceId }));
  app.get("/raw", () => new Response("raw"));
  app.get("/throw/:kind", (c) => {
    throw thrown[c.req.param("kind")]?.();
  });
  app.post("/echo", async (c) => c.json(await c.req.json()));
  app.post("/text", async (c) => c.text(await c.req.text()));
  return { app, report };
}

const errors = defineErrors({ email_taken: { status: 409, message: "Email already registered" } });

const thrown: Record<string, () => unknown> = {
  "api-error": () => unauthenticated({ error: "invalid_token" }),
  "http-4xx": () =>
    new HTTPException(401, {
      message: "Token expired",
      res: new Response(null, { headers: { "WWW-Authenticate": 'Basic realm="x"' } }),
    }),
  "http-5xx": () => new HTTPException(503, { message: SECRET }),
  "http-404": () => new HTTPException(404),
  "http-302": () => new HTTPException(302 as 400, { message: SECRET }),
  error: () => new Error(SECRET),
  "syntax-error": () => new SyntaxError(SECRET),
  string: () => SECRET,
  null: () => null,
  undefined: () => undefined,
  duck: () => ({ statusCode: 418, status: 418, message: SECRET }),
  "undeclared-code": () => new ApiError({ status: 409, code: "secret_code" }),
  "declared-code": () => errors.email_taken(),
};

async function expectContract(response: Response, status: number, error: string) {
  const text = await response.text();
  expect(response.status).toBe(status);
  expect(response.headers.get("Content-Type")).toBe("application/json");
  expect(response.headers.get("Cache-Control")).toBe("no-store");
  const body = ErrorBody.parse(JSON.parse(text));
  expect(body.error).toBe(error);
  expect(body.traceId).toBe(response.headers.get("X-Request-Id"));
  expect(text).not.toContain(SECRET);
  expect([...response.headers.values()].join("\n")).not.toContain(SECRET);
  return body;
}

describe("errorContract", () => {
  it("passes an ApiError through with its headers", async () => {
    const { app } = createApp();
    const response = await app.request("/throw/api-error");
    const body = await expectContract(response, 401, "unauthenticated");
    expect(body.message).toBe("Authentication required");
    expect(response.headers.get("WWW-Authenticate")).toBe('Bearer error="invalid_token"');
  });

  it("keeps a 4xx HTTPException's status, message and headers", async () => {
    const { app } = createApp();
    const response = await app.request("/throw/http-4xx");
    const body = await expectContract(response, 401, "unauthenticated");
    expect(body.message).toBe("Token expired");
    expect(response.headers.get("WWW-Authenticate")).toBe('Basic realm="x"');
  });

  it("gives an HTTPException without a message the generic one", async () => {
    const { app } = createApp();
    const body = await expectContract(await app.request("/throw/http-404"), 404, "not_found");
    expect(body.message).toBe("Not found");
  });

  it("hides a 5xx HTTPException's message", async () => {
    const { app } = createApp();
    const body = await expectContract(await app.request("/throw/http-5xx"), 503, "service_unavailable");
    expect(body.message).toBe("Service unavailable");
  });

  it("answers an HTTPException with a non-error status as a 500", async () => {
    const { app } = createApp();
    await expectContract(await app.request("/throw/http-302"), 500, "internal_error");
  });

  it.each(["error", "string", "null", "undefined", "duck"])(
    "answers a thrown %s with a 500",
    async (kind) => {
      const { app } = createApp();
      const body = await expectContract(await app.request(`/throw/${kind}`), 500, "internal_error");
      expect(body.message).toBe("Internal server error");
    },
  );

  it("answers a rejection with a non-Error after an await", async () => {
    const { app } = createApp();
    app.get("/later", async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      throw { message: SECRET };
    });
    await expectContract(await app.request("/later"), 500, "internal_error");
  });

  it("answers broken and empty JSON bodies with a 400", async () => {
    const { app } = createApp();
    for (const body of ["{", "", "   "]) {
      const response = await app.request("/echo", {
        method: "POST",
        body,
        headers: { "Content-Type": "application/json" },
      });
      const error = await expectContract(response, 400, "bad_request");
      expect(error.message).toBe(REQUEST_BODY_ERRORS.malformed_json.message);
    }
  });

  it("keeps a SyntaxError that is not about the request body a 500", async () => {
    const { app } = createApp();
    await expectContract(await app.request("/throw/syntax-error"), 500, "internal_error");
  });

  it("answers a router miss with a 404, HEAD without a body", async () => {
    const { app } = createApp();
    await expectContract(await app.request("/nope"), 404, "not_found");
    const head = await app.request("/nope", { method: "HEAD" });
    expect(head.status).toBe(404);
    expect(head.headers.get("Content-Type")).toBe("application/json");
    expect(head.headers.get("Cache-Control")).toBe("no-store");
    expect(head.headers.get("X-Request-Id")).toMatch(/^[0-9a-f]{32}$/);
    expect(await head.text()).toBe("");
  });

  it("answers a router miss with a 404 behind other middleware too", async () => {
    const { app } = createApp();
    app.use(cors());
    await expectContract(await app.request("/nope"), 404, "not_found");
  });

  it("answers a router miss behind CORS with CORS's headers and one merged Vary", async () => {
    const contract = errorContract({ format: "negotiate" });
    const app = new Hono<ContractEnv>();
    app.use(contract.middleware);
    app.use(cors({ origin: "https://app.example" }));
    app.notFound(contract.notFound);
    const response = await app.request("/nope", { headers: { Origin: "https://app.example" } });
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("https://app.example");
    // CORS appends Origin after the answer is made: one Vary, each name once.
    expect(response.headers.get("Vary")?.split(", ").sort()).toEqual(["Accept", "Origin"]);
    await expectContract(response, 404, "not_found");
  });

  it("answers a router miss with the answer itself, not a merge into Hono's placeholder", async () => {
    const contract = errorContract();
    const app = new Hono<ContractEnv>();
    let answered: Response | undefined;
    app.use(contract.middleware);
    app.use(async (c, next) => {
      await next();
      answered = c.res;
    });
    app.notFound(contract.notFound);
    const response = await app.request("/nope");
    await expectContract(response, 404, "not_found");
    // Hono's setter rebuilds (and copies headers into) a response only when it replaces another one.
    expect(answered).toBe(response);
  });

  it("answers HEAD on an error route without a body", async () => {
    const { app } = createApp();
    const head = await app.request("/throw/string", { method: "HEAD" });
    expect(head.status).toBe(500);
    expect(head.headers.get("Cache-Control")).toBe("no-store");
    expect(await head.text()).toBe("");
  });

  it("keeps headers set before the error, but core's own win", async () => {
    const { app } = createApp();
    app.use("/cors/*", cors());
    app.get("/cors/boom", (c) => {
      c.header("Cache-Control", "max-age=60");
      throw new Error(SECRET);
    });
    const response = await app.request("/cors/boom", { headers: { Origin: "https://example.com" } });
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    await expectContract(response, 500, "internal_error");
  });

  it("drops the headers of the failed response: they described a body that is not sent", async () => {
    const { app } = createApp();
    app.use("/stale/*", async (_c, next) => {
      await next();
      throw new Error(SECRET); // after the handler built its response
    });
    app.get("/stale/built", (c) => c.json({ ok: true }, 201, { Location: "/users/1", ETag: 'W/"1"' }));
    app.get("/stale/set", (c) => {
      c.header("Content-Encoding", "gzip");
      c.header("Content-Disposition", "attachment; filename=x.json");
      throw new Error(SECRET);
    });
    for (const path of ["/stale/built", "/stale/set"]) {
      const response = await app.request(path);
      for (const name of ["Content-Encoding", "Content-Disposition", "Location", "ETag"]) {
        expect(response.headers.get(name), `${path} ${name}`).toBeNull();
      }
      await expectContract(response, 500, "internal_error");
    }
  });

  describe("trace id", () => {
    it("is set on success responses and in c.var", async () => {
      const { app } = createApp();
      const response = await app.request("/ok", { headers: { "X-Request-Id": "req-1" } });
      expect(response.headers.get("X-Request-Id")).toBe("req-1");
      expect(await response.json()).toEqual({ traceId: "req-1" });
      expect((await app.request("/raw")).headers.get("X-Request-Id")).toMatch(/^[0-9a-f]{32}$/);
    });

    it("leaves a WebSocket upgrade response untouched", async () => {
      const { app } = createApp();
      // Node cannot construct a 101; Workers and Bun answer upgrades with one.
      const upgrade = Object.defineProperty(new Response(null), "status", { value: 101 });
      app.get("/ws", () => upgrade);
      expect(await app.request("/ws")).toBe(upgrade);
    });

    it("comes from traceparent on errors, and an invalid one is not echoed", async () => {
      const { app } = createApp();
      const traced = await app.request("/nope", {
        headers: { traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01`, "X-Request-Id": "other" },
      });
      expect((await expectContract(traced, 404, "not_found")).traceId).toBe(TRACE_ID);
      const invalid = await app.request("/throw/null", { headers: { "X-Request-Id": "bad id\u00e9" } });
      expect((await expectContract(invalid, 500, "internal_error")).traceId).toMatch(/^[0-9a-f]{32}$/);
    });

    it("is the one id of hono/request-id installed before it", async () => {
      const contract = errorContract({ report: () => {} });
      const app = new Hono<ContractEnv>();
      app.use(requestId());
      app.use(contract.middleware);
      app.onError(contract.onError);
      app.get("/ids", (c) => c.json({ requestId: c.var.requestId, traceId: c.var.traceId }));
      app.get("/boom", () => {
        throw new Error(SECRET);
      });
      const traceparent = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
      const ok = await app.request("/ids", { headers: { traceparent } });
      expect(ok.headers.get("X-Request-Id")).toBe(TRACE_ID);
      expect(await ok.json()).toEqual({ requestId: TRACE_ID, traceId: TRACE_ID });
      const failed = await app.request("/boom");
      const id = failed.headers.get("X-Request-Id");
      expect((await failed.json()).traceId).toBe(id);
    });

    it("is resolved by the handlers when the middleware is not installed", async () => {
      const contract = errorContract({ report: () => {} });
      const app = new Hono().onError(contract.onError).notFound(contract.notFound);
      app.get("/boom", () => {
        throw new Error(SECRET);
      });
      const response = await app.request("/boom", { headers: { "X-Request-Id": "req-2" } });
      expect((await expectContract(response, 500, "internal_error")).traceId).toBe("req-2");
    });
  });

  describe("body limit", () => {
    const big = "x".repeat(101);

    it("answers a body over the limit with a 413 when Content-Length says so, unread", async () => {
      const { app } = createApp({ bodyLimit: 100 });
      // The declared length decides: the (short) body is never read.
      const response = await app.request("/text", {
        method: "POST",
        body: "x",
        headers: { "Content-Length": "101" },
      });
      await expectContract(response, 413, "payload_too_large");
    });

    it("answers a body without Content-Length over the limit with a 413", async () => {
      const { app } = createApp({ bodyLimit: 100 });
      await expectContract(
        await app.request("/text", { method: "POST", body: big }),
        413,
        "payload_too_large",
      );
    });

    it("answers a chunked body over the limit with a 413", async () => {
      const { app } = createApp({ bodyLimit: 100 });
      const body = new ReadableStream({
        start(controller) {
          for (let i = 0; i < 3; i++) controller.enqueue(new TextEncoder().encode(big.slice(0, 40)));
          controller.close();
        },
      });
      const response = await app.request(
        new Request("http://localhost/text", { method: "POST", body, duplex: "half" } as RequestInit),
      );
      await expectContract(response, 413, "payload_too_large");
    });

    it("lets a body within the limit through", async () => {
      const { app } = createApp({ bodyLimit: 100 });
      const response = await app.request("/text", { method: "POST", body: "x".repeat(100) });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("x".repeat(100));
    });
  });

  describe("options", () => {
    it("renders problem+json when the format is negotiated and Accept prefers it", async () => {
      const { app } = createApp({ format: "negotiate" });
      const response = await app.request("/nope", {
        headers: { Accept: "application/problem+json, application/json;q=0.5" },
      });
      expect(response.headers.get("Content-Type")).toBe("application/problem+json");
      expect(response.headers.get("Vary")).toBe("Accept");
      const body = ProblemBody.parse(await response.json());
      expect(body).toMatchObject({ status: 404, title: "Not Found", error: "not_found" });
      expect(body.traceId).toBe(response.headers.get("X-Request-Id"));
      await expectContract(await app.request("/nope", { headers: { Accept: "*/*" } }), 404, "not_found");
    });

    it("answers codes the catalog does not declare with the generic code", async () => {
      const { app } = createApp({ catalog: errors });
      await expectContract(await app.request("/throw/declared-code"), 409, "email_taken");
      await expectContract(await app.request("/throw/undeclared-code"), 409, "conflict");
    });
  });

  describe("report", () => {
    it("is called once per 5xx with the error, the trace id and the context", async () => {
      const { app, report } = createApp();
      await app.request("/throw/error", { headers: { "X-Request-Id": "req-3" } });
      expect(report).toHaveBeenCalledTimes(1);
      const [error, context] = report.mock.calls[0] ?? [];
      expect(error).toBeInstanceOf(ApiError);
      expect(error.status).toBe(500);
      expect(error.cause).toEqual(new Error(SECRET));
      expect(context).toEqual({
        traceId: "req-3",
        method: "GET",
        path: "/throw/error",
        status: 500,
        code: "internal_error",
      });
      await app.request("/throw/string");
      expect(report).toHaveBeenCalledTimes(2);
      expect(report.mock.calls[1]?.[0].cause).toBe(SECRET);
    });

    it("is not called for a 4xx", async () => {
      const { app, report } = createApp();
      await app.request("/throw/api-error");
      await app.request("/nope");
      await app.request("/throw/http-4xx");
      expect(report).not.toHaveBeenCalled();
    });

    it("defaults to one JSON line on console.error: pino's shape, the trace id, the cause chain", async () => {
      const log = vi.spyOn(console, "error").mockImplementation(() => {});
      try {
        const app = new Hono<ContractEnv>();
        const contract = errorContract();
        app.use(contract.middleware).onError(contract.onError);
        app.get("/boom", () => {
          throw new Error(SECRET, { cause: new Error("pool exhausted") });
        });
        const response = await app.request("/boom?token=abc", { headers: { "X-Request-Id": "req-4" } });
        expect(log).toHaveBeenCalledTimes(1);
        // The line's format is core's (json-log.test.ts); the adapter gives it the request and the cause.
        const record = JSON.parse(String(log.mock.calls[0]?.[0]));
        expect(record).toMatchObject({
          level: 50,
          traceId: "req-4",
          method: "GET",
          path: "/boom",
          status: 500,
        });
        expect(record.err.cause).toMatchObject({ message: SECRET, cause: { message: "pool exhausted" } });
        expect((await response.json()).traceId).toBe("req-4");
      } finally {
        log.mockRestore();
      }
    });

    it("does not break the answer when it throws, and says so in one JSON line", async () => {
      const log = vi.spyOn(console, "error").mockImplementation(() => {});
      try {
        const { app } = createApp({
          report: () => {
            throw new Error("logger down");
          },
        });
        await expectContract(await app.request("/throw/error"), 500, "internal_error");
        expect(log).toHaveBeenCalledTimes(1);
        expect(JSON.parse(String(log.mock.calls[0]?.[0]))).toMatchObject({
          level: 50,
          code: "internal_error",
          err: { cause: { message: SECRET } },
          reportHookError: { type: "Error", message: "logger down" },
        });
      } finally {
        log.mockRestore();
      }
    });
  });
});
