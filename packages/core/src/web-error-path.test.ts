import { describe, expect, it, vi } from "vitest";
import { ApiError } from "./api-error.js";
import { conflict } from "./factories.js";
import { createWebErrorPath } from "./web-error-path.js";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

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
    expect(() => path.admit(new Request("http://x/a%zz"))).toThrow(
      expect.objectContaining({ status: 400, message: "The request path is not valid percent-encoding" }),
    );
    const declared = (length: string) => ({
      method: "POST",
      body: "x",
      headers: { "content-length": length },
    });
    const large = new Request("http://x/a", declared("5"));
    expect(() => path.admit(large)).toThrow(expect.objectContaining({ status: 413 }));
    const fits = new Request("http://x/a", declared("4"));
    expect(path.admit(fits)).toBe(fits);
    // Node's request-target as sent, not the Request URL (whose dot segments are resolved).
    const incoming = { url: "/users/%E0%A4%A/../me", headers: {}, httpVersionMajor: 1 };
    expect(() => path.admit(new Request("http://x/me"), incoming)).toThrow(
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
    await expect(path.admit(chunked).text()).rejects.toMatchObject({ status: 413 });
  });
});
