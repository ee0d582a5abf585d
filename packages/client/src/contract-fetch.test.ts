import { describe, expect, it } from "vitest";
import { ContractError } from "./contract-error.js";
import { contractFetch } from "./contract-fetch.js";

const TRACE = "0123456789abcdef0123456789abcdef";
const answer = (status: number, code: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ error: code, message: code, traceId: TRACE }), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

/** A fetch that answers from a list and records when and how it was called. */
function scripted(...responses: Response[]) {
  const calls: Array<{ at: number; method: string }> = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      at: performance.now(),
      method: init?.method ?? (input instanceof Request ? input.method : "GET"),
    });
    const next = responses.shift();
    if (next === undefined) throw new Error("no more answers");
    return next;
  }) as typeof fetch;
  return { calls, fetch: fetchImpl };
}

describe("contractFetch", () => {
  it("returns a 2xx answer as it is", async () => {
    const { fetch } = scripted(new Response("ok", { status: 200 }));
    const response = await contractFetch("http://x.test/", { fetch });
    expect(await response.text()).toBe("ok");
  });

  it("throws a ContractError on a non-2xx answer, without retrying by default", async () => {
    const { fetch, calls } = scripted(answer(503, "service_unavailable", { "retry-after": "0" }));
    const error = await contractFetch("http://x.test/", { fetch }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toMatchObject({ status: 503, code: "service_unavailable", action: "retry", retryAfter: 0 });
    expect(calls).toHaveLength(1);
  });

  it("retries a retry action of an idempotent request, bounded, honouring Retry-After", async () => {
    const { fetch, calls } = scripted(
      answer(503, "service_unavailable", { "retry-after": "1" }),
      answer(502, "bad_gateway"),
      new Response("ok", { status: 200 }),
    );
    const response = await contractFetch("http://x.test/", { fetch, retry: { attempts: 3, delayMs: 10 } });
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(3);
    const [first, second, third] = calls.map((call) => call.at) as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(990);
    expect(third - second).toBeGreaterThanOrEqual(9);
    expect(third - second).toBeLessThan(900);
  });

  it("stops after the attempts it was given", async () => {
    const { fetch, calls } = scripted(
      answer(502, "bad_gateway"),
      answer(502, "bad_gateway"),
      answer(504, "gateway_timeout"),
      new Response("ok"),
    );
    await expect(
      contractFetch("http://x.test/", { fetch, retry: { attempts: 3, delayMs: 1 } }),
    ).rejects.toMatchObject({
      code: "gateway_timeout",
    });
    expect(calls).toHaveLength(3);
  });

  it("never retries a method that is not idempotent, nor an action other than retry", async () => {
    const post = scripted(answer(429, "too_many_requests", { "retry-after": "0" }), new Response("ok"));
    await expect(
      contractFetch("http://x.test/", { method: "POST", body: "{}", fetch: post.fetch, retry: {} }),
    ).rejects.toMatchObject({ action: "retry", code: "too_many_requests" });
    expect(post.calls).toHaveLength(1);
    const get = scripted(answer(500, "internal_error"), new Response("ok"));
    await expect(contractFetch("http://x.test/", { fetch: get.fetch, retry: {} })).rejects.toMatchObject({
      action: "report",
    });
    expect(get.calls).toHaveLength(1);
  });

  it("does not wait longer than maxDelayMs, and a Request input is sent again whole", async () => {
    const long = scripted(answer(503, "service_unavailable", { "retry-after": "3600" }), new Response("ok"));
    await expect(contractFetch("http://x.test/", { fetch: long.fetch, retry: {} })).rejects.toMatchObject({
      retryAfter: 3600,
    });
    expect(long.calls).toHaveLength(1);
    const bodies: string[] = [];
    const echo = (async (input: Request) => {
      bodies.push(await input.text());
      return bodies.length === 1
        ? answer(503, "service_unavailable", { "retry-after": "0" })
        : new Response("ok");
    }) as unknown as typeof fetch;
    const request = new Request("http://x.test/", { method: "PUT", body: "same" });
    await contractFetch(request, { fetch: echo, retry: {} });
    expect(bodies).toEqual(["same", "same"]);
  });

  it("an abort during the wait ends it", async () => {
    const { fetch } = scripted(
      answer(503, "service_unavailable", { "retry-after": "5" }),
      new Response("ok"),
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("stop")), 20);
    await expect(
      contractFetch("http://x.test/", { fetch, signal: controller.signal, retry: {} }),
    ).rejects.toThrow("stop");
  });
});
