import { ErrorBody } from "@error-contract/core";
import { REQUEST_BODY_ERRORS } from "@error-contract/core/adapter";
import { Body, Controller, HttpCode, Post } from "@nestjs/common";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { platforms, startApp, type TestApp } from "../test/test-app.js";
import { ErrorContractModule } from "./error-contract-module.js";
import { JsonBody, useJsonBodyParser } from "./json-body.js";

const LIMIT = 1024;
const Register = z.object({
  email: z.email(),
  password: z.string().min(12),
  name: z.string().min(1).max(100).optional(),
});

@Controller()
class BodyController {
  @Post("register")
  @HttpCode(201)
  register(@JsonBody(Register) body: z.output<typeof Register>) {
    return body;
  }

  // No JsonBody: what the platforms' parsers do on their own.
  @Post("echo")
  echo(@Body() body: unknown) {
    return { body: body ?? null };
  }
}

const valid = { email: "ada@example.com", password: "correct-horse-1" };

describe.each(platforms)("JSON bodies on %s", (platform) => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startApp(
      platform,
      { imports: [ErrorContractModule.forRoot()], controllers: [BodyController] },
      (app) => useJsonBodyParser(app, { limit: LIMIT }),
    );
  });
  afterAll(() => server.close());

  async function post(path: string, body: string | undefined, headers: Record<string, string>) {
    const response = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers,
      ...(body === undefined ? {} : { body }),
    });
    return { response, text: await response.text() };
  }

  async function expectError(
    request: Promise<{ response: Response; text: string }>,
    status: number,
    code: string,
  ) {
    const { response, text } = await request;
    expect({ status: response.status, text }).toMatchObject({ status });
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = ErrorBody.parse(JSON.parse(text));
    expect(body.error).toBe(code);
    expect(response.headers.get("x-request-id")).toBe(body.traceId);
    return body;
  }

  const json = { "content-type": "application/json" };

  it("accepts a valid body, also as a +json type", async () => {
    expect((await post("/register", JSON.stringify(valid), json)).response.status).toBe(201);
    const suffixed = await post("/register", JSON.stringify(valid), {
      "content-type": "application/vnd.api+json",
    });
    expect(suffixed.response.status).toBe(201);
    expect(JSON.parse(suffixed.text)).toEqual(valid);
  });

  it("answers broken JSON with a 400 that does not quote the body", async () => {
    for (const bad of ['{"email": S3CRET', "   ", "nul"]) {
      const body = await expectError(post("/register", bad, json), 400, "bad_request");
      expect(body.message).not.toContain("S3CRET");
      await expectError(post("/echo", bad, json), 400, "bad_request");
    }
  });

  it("answers an empty JSON body with a 400 on a JSON route", async () => {
    await expectError(post("/register", "", json), 400, "bad_request");
  });

  it("answers a body over the limit with a 413", async () => {
    const big = JSON.stringify({ ...valid, name: "x".repeat(LIMIT) });
    await expectError(post("/register", big, json), 413, "payload_too_large");
    await expectError(post("/echo", big, json), 413, "payload_too_large");
  });

  it("answers a request that is not JSON with a 415 on a JSON route", async () => {
    await expectError(
      post("/register", JSON.stringify(valid), { "content-type": "text/plain" }),
      415,
      "unsupported_media_type",
    );
    await expectError(
      post("/register", "<a/>", { "content-type": "application/xml" }),
      415,
      "unsupported_media_type",
    );
    await expectError(post("/register", undefined, {}), 415, "unsupported_media_type");
  });

  it("splits zod issues into 400 (structure) and 422 (rules) with fields", async () => {
    const missing = await expectError(
      post("/register", JSON.stringify({ email: "a@b.co" }), json),
      400,
      "bad_request",
    );
    expect(missing.fields).toEqual({ password: "required" });
    const wrongType = await expectError(
      post("/register", JSON.stringify({ ...valid, password: 12 }), json),
      400,
      "bad_request",
    );
    expect(wrongType.fields).toEqual({ password: "expected string" });
    await expectError(post("/register", "[1]", json), 400, "bad_request");
    const rules = await expectError(
      post("/register", JSON.stringify({ email: "nope", password: "short" }), json),
      422,
      "validation_failed",
    );
    expect(Object.keys(rules.fields ?? {}).sort()).toEqual(["email", "password"]);
  });

  // The named body failures, in core's words on both platforms.
  it.each([
    ["{", {}, "malformed_json"],
    ["", {}, "empty_body"],
    ["{}", { "content-type": "application/json; charset=latin1" }, "unsupported_charset"],
    ["{}", { "content-encoding": "gzip" }, "unsupported_content_coding"],
    ["{}", { "content-type": "text/plain" }, "unsupported_media_type"],
    [JSON.stringify({ ...valid, name: "x".repeat(LIMIT) }), {}, "too_large"],
  ] as const)("answers %j %j with %s", async (body, headers, failure) => {
    const response = await fetch(`${server.url}/register`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...headers },
    });
    const expected = REQUEST_BODY_ERRORS[failure];
    expect(response.status).toBe(expected.status);
    expect(ErrorBody.parse(await response.json()).message).toBe(expected.message);
    for (const [name, value] of Object.entries(expected.headers ?? {})) {
      expect(response.headers.get(name)).toBe(value);
    }
  });
});

describe("JSON bodies on express", () => {
  let server: TestApp;
  beforeAll(async () => {
    server = await startApp("express", {
      imports: [ErrorContractModule.forRoot()],
      controllers: [BodyController],
    });
  });
  afterAll(() => server.close());

  it("answers an unsupported charset or content encoding with a 415", async () => {
    for (const headers of [
      { "content-type": "application/json; charset=latin-9" },
      { "content-type": "application/json", "content-encoding": "compress" },
    ]) {
      const response = await fetch(`${server.url}/echo`, { method: "POST", headers, body: "{}" });
      expect(response.status).toBe(415);
      expect(ErrorBody.parse(await response.json()).error).toBe("unsupported_media_type");
    }
  });
});
