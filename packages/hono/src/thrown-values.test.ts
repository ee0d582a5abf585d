import { hostileThrown, THROWN_MARKER as MARKER } from "@error-contract/conformance/fast-check";
import { ApiError, ErrorBody } from "@error-contract/core";
import fc from "fast-check";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ContractEnv, errorContract } from "./error-contract.js";

// Whatever a route throws, sync or async: a generic 500 in the contract, nothing of the value
// in the answer, one log line with the trace id, and no unhandled rejection.
describe("errorContract with arbitrary thrown values (property)", () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on("unhandledRejection", onUnhandled);
  });
  afterEach(() => {
    process.off("unhandledRejection", onUnhandled);
  });

  it("answers every thrown value with a generic 500 and logs it once", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await fc.assert(
        fc.asyncProperty(hostileThrown, fc.constantFrom("sync", "async", "rejected"), async (value, how) => {
          log.mockClear();
          const contract = errorContract({ format: "negotiate" });
          const app = new Hono<ContractEnv>();
          app.use(contract.middleware).onError(contract.onError).notFound(contract.notFound);
          app.get("/boom", async () => {
            if (how === "async") await new Promise((resolve) => setTimeout(resolve, 0));
            if (how === "rejected") return Promise.reject(value.make());
            throw value.make();
          });
          const response = await app.request("/boom", { headers: { "X-Request-Id": "req-prop" } });
          const text = await response.text();
          expect(response.status).toBe(500);
          expect(response.headers.get("Content-Type")).toBe("application/json");
          expect(response.headers.get("Cache-Control")).toBe("no-store");
          expect(ErrorBody.parse(JSON.parse(text))).toEqual({
            error: "internal_error",
            message: "Internal server error",
            traceId: "req-prop",
          });
          expect(text).not.toContain(MARKER);
          expect([...response.headers].join("\n")).not.toContain(MARKER);
          expect(log).toHaveBeenCalledTimes(1);
          const line = String(log.mock.calls[0]?.[0]);
          expect(line).not.toMatch(/[\r\n]/);
          expect(JSON.parse(line)).toMatchObject({
            level: 50,
            traceId: "req-prop",
            method: "GET",
            path: "/boom",
            code: "internal_error",
          });
        }),
        { numRuns: 300 },
      );
    } finally {
      log.mockRestore();
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(unhandled).toEqual([]);
  });
});

// Only the toolkit's errors and Hono's own exceptions choose a status, and it stays 400–599.
describe("errorContract with trusted errors of any status (property)", () => {
  it("keeps their status, hides 5xx messages, and logs only 5xx", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 100, max: 999 }), fc.boolean(), async (status, native) => {
          log.mockClear();
          const contract = errorContract();
          const app = new Hono<ContractEnv>();
          app.use(contract.middleware).onError(contract.onError);
          app.get("/boom", () => {
            throw native
              ? new HTTPException(status as 400, { message: MARKER })
              : new ApiError({
                  status: (status >= 400 && status <= 599 ? status : 500) as 500,
                  message: MARKER,
                });
          });
          const response = await app.request("/boom");
          const body = ErrorBody.parse(await response.json());
          const expected = status >= 400 && status <= 599 ? status : 500;
          expect(response.status).toBe(expected);
          expect(body.traceId).toBe(response.headers.get("X-Request-Id"));
          if (expected >= 500) expect(body.message).not.toContain(MARKER);
          expect(log).toHaveBeenCalledTimes(expected >= 500 ? 1 : 0);
        }),
        { numRuns: 200 },
      );
    } finally {
      log.mockRestore();
    }
  });
});
