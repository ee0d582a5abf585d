import { describe, expect, it } from "vitest";
import { ContractError } from "./contract-error.js";
import { parseError } from "./parse-error.js";

const TRACE = "c92ab1d4c92ab1d4c92ab1d4c92ab1d4";
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "x-request-id": TRACE, ...headers },
  });

describe("parseError: the contract", () => {
  it("reads the default rendering", async () => {
    const error = await parseError(
      json(422, {
        error: "validation_failed",
        message: "password is too weak",
        fields: { password: "min 12 chars, at least one digit" },
        traceId: TRACE,
      }),
      { method: "POST" },
    );
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: "ContractError",
      status: 422,
      code: "validation_failed",
      message: "password is too weak",
      fields: { password: "min 12 chars, at least one digit" },
      traceId: TRACE,
      action: "fix_fields",
      contract: true,
      retryAfter: undefined,
      extensions: {},
    });
  });

  it("reads the problem+json rendering", async () => {
    const error = await parseError(
      new Response(
        JSON.stringify({
          type: "about:blank",
          title: "Conflict",
          status: 409,
          detail: "Email already registered",
          error: "email_taken",
          traceId: TRACE,
        }),
        { status: 409, headers: { "content-type": "application/problem+json" } },
      ),
    );
    expect(error).toMatchObject({
      status: 409,
      code: "email_taken",
      message: "Email already registered",
      traceId: TRACE,
      action: "conflict",
      contract: true,
      extensions: {},
    });
  });

  it("keeps unknown members and is not troubled by them", async () => {
    const error = await parseError(
      json(403, {
        error: "plan_limit_reached",
        message: "Upgrade",
        traceId: TRACE,
        upgradeUrl: "/plans",
        v: 2,
      }),
    );
    expect(error).toMatchObject({ contract: true, code: "plan_limit_reached", action: "forbidden" });
    expect(error.extensions).toEqual({ upgradeUrl: "/plans", v: 2 });
  });

  it("reads Retry-After and WWW-Authenticate", async () => {
    const limited = await parseError(
      json(
        429,
        { error: "too_many_requests", message: "Too many requests", traceId: TRACE },
        { "retry-after": "7" },
      ),
    );
    expect(limited).toMatchObject({ retryAfter: 7, action: "retry" });
    const denied = await parseError(
      json(
        401,
        { error: "unauthenticated", message: "Authentication required", traceId: TRACE },
        { "www-authenticate": 'Bearer error="invalid_token"' },
      ),
    );
    expect(denied.action).toBe("reauthenticate");
    expect(denied.challenge).toEqual({ scheme: "Bearer", params: { error: "invalid_token" } });
  });

  it("reads an answer already read: text, bytes or parsed JSON, headers of any case", () => {
    const body = { error: "not_found", message: "Not found", traceId: TRACE };
    for (const answer of [
      { status: 404, headers: { "X-Request-Id": "other" }, body: JSON.stringify(body) },
      { status: 404, headers: new Headers(), body: new TextEncoder().encode(JSON.stringify(body)) },
      { status: 404, body },
    ]) {
      expect(parseError(answer)).toMatchObject({
        contract: true,
        code: "not_found",
        action: "not_found",
        traceId: TRACE,
      });
    }
    const untraced = parseError({ status: 500, headers: { "X-Request-Id": "req-1" }, body: "oops" });
    expect(untraced).toMatchObject({ contract: false, traceId: "req-1", action: "report" });
  });
});

describe("parseError: not the contract, never a throw", () => {
  const fixtures: Array<[string, Response, Record<string, unknown>]> = [
    [
      "an HTML 502 from a proxy",
      new Response("<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>", {
        status: 502,
        headers: { "content-type": "text/html" },
      }),
      { code: "bad_gateway", message: "Bad gateway", action: "report" },
    ],
    [
      "Nest's default body",
      json(404, { message: "Cannot GET /nope", error: "Not Found", statusCode: 404 }),
      { code: "not_found", action: "not_found", traceId: TRACE },
    ],
    [
      "Hono's text/plain",
      new Response("Internal Server Error", { status: 500, headers: { "content-type": "text/plain" } }),
      { code: "internal_error", message: "Internal error", action: "report", body: "Internal Server Error" },
    ],
    [
      "an empty body",
      new Response(null, { status: 503 }),
      { code: "service_unavailable", action: "report", body: "" },
    ],
    [
      "broken JSON",
      new Response('{"error": "validation_failed", "message": ', {
        status: 422,
        headers: { "content-type": "application/json" },
      }),
      { code: "validation_failed", action: "show", fields: undefined },
    ],
    [
      "a contract body with a bad code",
      json(400, { error: "Bad-Code", message: "m", traceId: TRACE }),
      { code: "bad_request", action: "show" },
    ],
    ["a JSON array", json(418, [1, 2]), { code: "client_error", action: "show" }],
    ["a JSON null", json(599, null), { code: "server_error", action: "report", body: null }],
  ];

  it.each(fixtures)("%s", async (_name, response, expected) => {
    const error = await parseError(response, { method: "POST" });
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toMatchObject({ contract: false, ...expected });
  });

  it("an unread-able body (already used) is an empty answer", async () => {
    const response = json(409, { error: "email_taken", message: "taken", traceId: TRACE });
    await response.text();
    await expect(parseError(response)).resolves.toMatchObject({
      contract: false,
      code: "conflict",
      action: "conflict",
    });
  });

  it("a status outside 400–599 is unexpected_status, to report", () => {
    expect(parseError({ status: 302, body: "" })).toMatchObject({
      code: "unexpected_status",
      action: "report",
    });
    expect(parseError({ status: 0 })).toMatchObject({ code: "unexpected_status", action: "report" });
  });

  it("hostile bodies: prototype keys, deep nesting, odd headers", () => {
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    expect(parseError({ status: 400, body: deep }).contract).toBe(false);
    const proto = parseError({
      status: 400,
      body: '{"error":"bad_request","message":"m","traceId":"t","fields":{"__proto__":"x"},"__proto__":{"polluted":1}}',
      headers: { "www-authenticate": '__proto__ x="1", Bearer __proto__="y"' },
    });
    expect(proto).toMatchObject({ contract: true, action: "show", fields: {} });
    expect(Object.hasOwn(proto.fields ?? {}, "__proto__")).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(proto.extensions)).toBe(Object.prototype);
    expect((proto.extensions as Record<string, unknown>).polluted).toBeUndefined();
    expect(
      parseError({ status: 401, headers: { "www-authenticate": ['Bearer realm="a"', "Basic"] } }).challenges,
    ).toEqual([
      { scheme: "Bearer", params: { realm: "a" } },
      { scheme: "Basic", params: {} },
    ]);
  });
});
