import { ErrorBody } from "@error-contract/core";
import { Controller, HttpCode, Post } from "@nestjs/common";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { platforms, startApp, type TestApp } from "../test/test-app.js";
import { ErrorContractModule } from "./error-contract-module.js";
import { JsonBody, useJsonBodyParser } from "./json-body.js";

const Register = z.object({ email: z.email(), password: z.string().min(12) });

@Controller()
class RegisterController {
  @Post("register")
  @HttpCode(201)
  register(@JsonBody(Register) body: z.output<typeof Register>) {
    return body;
  }
}

const SMUGGLED = [
  '{"__proto__":{"email":"p@example.com","password":"correct-horse-9-battery","polluted":true}}',
  '{"constructor":{"prototype":{"email":"p@example.com","password":"correct-horse-9-battery","polluted":true}}}',
];

// In process, the proof the hostile suite can only infer over HTTP: no prototype changed.
describe.each(platforms)("prototype keys in JSON bodies on %s", (platform) => {
  let server: TestApp;
  beforeAll(async () => {
    server = await startApp(
      platform,
      { imports: [ErrorContractModule.forRoot()], controllers: [RegisterController] },
      (app) => useJsonBodyParser(app, { limit: 64 * 1024 }),
    );
  });
  afterAll(() => server.close());

  const post = async (body: string) => {
    const response = await fetch(`${server.url}/register`, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/json" },
    });
    return { status: response.status, body: ErrorBody.parse(await response.json()) };
  };

  it.each(SMUGGLED)("answers %s with a 400 and pollutes nothing", async (body) => {
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe("bad_request");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).email).toBeUndefined();
    const empty = await post("{}");
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.fields ?? {}).sort()).toEqual(["email", "password"]);
  });
});
