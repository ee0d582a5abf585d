import { ErrorBody } from "@error-contract/core";
import { REQUEST_BODY_ERRORS } from "@error-contract/core/adapter";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type ContractEnv, errorContract } from "./error-contract.js";
import { validate } from "./validate.js";

const Register = z.object({
  email: z.email(),
  password: z.string().min(12),
  name: z.string().min(1).optional(),
});

function createApp() {
  const contract = errorContract({ report: () => {} });
  const app = new Hono<ContractEnv>();
  app.use(contract.middleware).onError(contract.onError).notFound(contract.notFound);
  app.post("/users", validate("json", Register), (c) => {
    const { email, name } = c.req.valid("json");
    return c.json({ email, name: name ?? null }, 201);
  });
  app.get("/search", validate("query", z.object({ limit: z.coerce.number().int().max(50) })), (c) =>
    c.json(c.req.valid("query")),
  );
  app.get("/items/:id", validate("param", z.object({ id: z.string().regex(/^itm_\d+$/) })), (c) =>
    c.json({ id: c.req.valid("param").id }),
  );
  return app;
}

const post = (body: string, contentType?: string) =>
  createApp().request("/users", {
    method: "POST",
    body,
    headers: contentType === undefined ? {} : { "Content-Type": contentType },
  });

async function errorOf(response: Response) {
  const body = ErrorBody.parse(await response.json());
  return { status: response.status, error: body.error, fields: body.fields };
}

describe("validate", () => {
  it("stores the parsed value for c.req.valid", async () => {
    const response = await post(
      JSON.stringify({ email: "ada@example.com", password: "correct horse 1", extra: true }),
      "application/json; charset=utf-8",
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ email: "ada@example.com", name: null });
  });

  it.each(["application/vnd.api+json", "application/vnd.a+b+json", "application/json; charset=utf-8"])(
    "accepts the JSON media type %s",
    async (contentType) => {
      const response = await post(
        JSON.stringify({ email: "ada@example.com", password: "correct horse 1" }),
        contentType,
      );
      expect(response.status).toBe(201);
    },
  );

  it.each([
    ["text/plain", "text/plain"],
    ["a form", "application/x-www-form-urlencoded"],
    ["no Content-Type", undefined],
  ])("answers %s with a 415", async (_, contentType) => {
    const response = await post(JSON.stringify({ email: "ada@example.com" }), contentType);
    expect(await errorOf(response)).toEqual({ status: 415, error: "unsupported_media_type" });
  });

  it.each(["{", "", " "])("answers the broken JSON %j with a 400", async (body) => {
    expect(await errorOf(await post(body, "application/json"))).toEqual({
      status: 400,
      error: "bad_request",
    });
  });

  it.each([
    ["{", {}, "malformed_json"],
    ["", {}, "empty_body"],
    ["{}", { "Content-Type": "application/json; charset=latin1" }, "unsupported_charset"],
    ["{}", { "Content-Encoding": "gzip" }, "unsupported_content_coding"],
    ["{}", { "Content-Type": "text/plain" }, "unsupported_media_type"],
  ] as const)("names the body failure of %j %j: %s, in core's words", async (body, headers, failure) => {
    const response = await createApp().request("/users", {
      method: "POST",
      body,
      headers: { "Content-Type": "application/json", ...headers },
    });
    const expected = REQUEST_BODY_ERRORS[failure];
    expect(response.status).toBe(expected.status);
    expect((await response.json()).message).toBe(expected.message);
    for (const [name, value] of Object.entries(expected.headers ?? {})) {
      expect(response.headers.get(name)).toBe(value);
    }
  });

  it.each([
    ["an invalid UTF-8 byte", [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]],
    ["an encoded surrogate", [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]],
  ])("answers a JSON body with %s with core's malformed-JSON 400, never U+FFFD", async (_, bytes) => {
    const response = await createApp().request("/users", {
      method: "POST",
      body: new Uint8Array(bytes),
      headers: { "Content-Type": "application/json" },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe(REQUEST_BODY_ERRORS.malformed_json.message);
  });

  it("answers structural problems with a 400 naming each field", async () => {
    const response = await post(JSON.stringify({ password: 12, name: null }), "application/json");
    expect(await errorOf(response)).toEqual({
      status: 400,
      error: "bad_request",
      fields: { email: "required", password: "expected string", name: "expected string" },
    });
    expect(await errorOf(await post("[]", "application/json"))).toMatchObject({ status: 400 });
  });

  it("answers broken rules with a 422, and structure with rules with a 400", async () => {
    const rules = await post(JSON.stringify({ email: "nope", password: "short" }), "application/json");
    const result = await errorOf(rules);
    expect(result).toMatchObject({ status: 422, error: "validation_failed" });
    expect(Object.keys(result.fields ?? {}).sort()).toEqual(["email", "password"]);
    const both = await post(JSON.stringify({ email: "nope" }), "application/json");
    expect(await errorOf(both)).toMatchObject({ status: 400, fields: { email: expect.any(String) } });
  });

  it("validates the query", async () => {
    const app = createApp();
    expect(await (await app.request("/search?limit=20")).json()).toEqual({ limit: 20 });
    expect(await errorOf(await app.request("/search?limit=99"))).toMatchObject({
      status: 422,
      fields: { limit: expect.any(String) },
    });
    expect(await errorOf(await app.request("/search"))).toEqual({
      status: 400,
      error: "bad_request",
      fields: { limit: "required" },
    });
  });

  it("validates path parameters", async () => {
    const app = createApp();
    expect(await (await app.request("/items/itm_1")).json()).toEqual({ id: "itm_1" });
    expect(await errorOf(await app.request("/items/nope"))).toMatchObject({
      status: 422,
      fields: { id: expect.any(String) },
    });
  });
});
