import { describe, expect, it, vi } from "vitest";
import { ApiError } from "./api-error.js";
import { conflict } from "./factories.js";
import { boundTraceId, createWebErrorPath, type NodeBindings, webRequestHeaders } from "./web-error-path.js";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

// What @hono/node-server hands the app: Node's request and a response that keeps its headers.
function nodeEnv(url: string, headers: Record<string, string> = {}): Required<NodeBindings> {
  const set = new Map<string, string>();
  return {
    incoming: { url, headers, httpVersionMajor: 1 },
    outgoing: {
      setHeader: (name, value) => set.set(name.toLowerCase(), value),
      getHeader: (name) => set.get(name.toLowerCase()),
      destroy: () => undefined,
    },
  };
}

describe("createWebErrorPath", () => {
  it("answers with a Response of core's status, headers and body", async () => {
    const path = createWebErrorPath();
    const request = new Request("http://x/users", { method: "POST" });
    const response = path.respond(conflict("taken"), path.facts(request, undefined, { traceId: TRACE }));
    expect(response.status).toBe(409);
    expect(response.headers.get("x-request-id")).toBe(TRACE);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ error: "conflict", message: "taken", traceId: TRACE });
  });

  it("gives the recogniser the adapter's own facts", () => {
    const recognise = vi.fn(() => new ApiError({ status: 418, code: "teapot", message: "short and stout" }));
    const path = createWebErrorPath<{ method: string; path: string; own?: string }>({}, recognise);
    const request = new Request("http://x/pot?secret=1");
    const facts = path.facts(request, undefined, { own: "context" });
    expect(path.answer(new Error("framework's"), facts).status).toBe(418);
    expect(recognise).toHaveBeenCalledWith(expect.any(Error), expect.objectContaining({ own: "context" }));
    expect(facts).toMatchObject({ method: "GET", path: "/pot" });
  });

  it("admits a request: a malformed path is a 400, a declared body over the limit a 413", () => {
    const path = createWebErrorPath({ bodyLimit: 4 });
    expect(() => path.admit(new Request("http://x/a%zz"), undefined)).toThrow(
      expect.objectContaining({ status: 400, message: "The request path is not valid percent-encoding" }),
    );
    const declared = (length: string) => ({
      method: "POST",
      body: "x",
      headers: { "content-length": length },
    });
    const large = new Request("http://x/a", declared("5"));
    expect(() => path.admit(large, undefined)).toThrow(expect.objectContaining({ status: 413 }));
    const fits = new Request("http://x/a", declared("4"));
    expect(path.admit(fits, undefined)).toBe(fits);
    // Node's request-target as sent, not the Request URL (whose dot segments are resolved).
    const env = nodeEnv("/users/%E0%A4%A/../me");
    expect(() => path.admit(new Request("http://x/me"), env)).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });

  it("holds a body without a length to the limit as it is read", async () => {
    const path = createWebErrorPath({ bodyLimit: 4 });
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("123"));
        controller.enqueue(new TextEncoder().encode("45"));
        controller.close();
      },
    });
    const chunked = new Request("http://x/a", { method: "POST", body, duplex: "half" } as RequestInit);
    await expect(path.admit(chunked, undefined).text()).rejects.toMatchObject({ status: 413 });
  });
});

describe("serveOnNode", () => {
  it("puts X-Request-Id on Node's response before the app runs, and the app sees it", async () => {
    const path = createWebErrorPath();
    const env = nodeEnv("/ok", { traceparent: `00-${TRACE}-00f067aa0ba902b7-01` });
    let seen: string | undefined;
    const fetch = path.serveOnNode({
      fetch: (_request, bindings) => {
        seen = boundTraceId(bindings);
        return new Response("ok");
      },
    });
    const response = await fetch(new Request("http://x/ok"), env);
    expect(await response.text()).toBe("ok");
    expect(seen).toBe(TRACE);
    expect(env.outgoing.getHeader("X-Request-Id")).toBe(TRACE);
  });

  it("answers what the app throws or rejects with, Error or not, with the same trace id", async () => {
    const report = vi.fn();
    const path = createWebErrorPath({ report });
    const env = nodeEnv("/boom", { "x-request-id": "req-1" });
    const thrown = await path.serveOnNode({
      fetch: () => {
        throw "not an Error";
      },
    })(new Request("http://x/boom"), env);
    expect(thrown.status).toBe(500);
    expect(await thrown.json()).toMatchObject({ error: "internal_error", traceId: "req-1" });
    const rejected = await path.serveOnNode({ fetch: () => Promise.reject(conflict()) })(
      new Request("http://x/boom"),
      nodeEnv("/boom"),
    );
    expect(rejected.status).toBe(409);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0]?.[1]).toMatchObject({ traceId: "req-1", method: "GET", path: "/boom" });
  });

  it("refuses a malformed path before the app runs", async () => {
    const app = { fetch: vi.fn(() => new Response("never")) };
    const response = await createWebErrorPath().serveOnNode(app)(new Request("http://x/a"), nodeEnv("/a%"));
    expect(response.status).toBe(400);
    expect(app.fetch).not.toHaveBeenCalled();
  });
});

describe("webRequestHeaders and boundTraceId", () => {
  it("read Node's header object where there is one, else the Request's", () => {
    const request = new Request("http://x/", { headers: { accept: "text/html" } });
    const env = nodeEnv("/", { accept: "application/json" });
    expect(webRequestHeaders(request, env)).toBe(env.incoming.headers);
    expect(webRequestHeaders(request, undefined)).toBe(request.headers);
    expect(boundTraceId(undefined)).toBeUndefined();
    expect(boundTraceId({ outgoing: { getHeader: () => 42 } })).toBeUndefined();
  });
});
