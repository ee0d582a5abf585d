import { request as httpRequest } from "node:http";
import { ErrorBody } from "@error-contract/core";
import { Controller, Delete, Get, HttpCode, Param, Post } from "@nestjs/common";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { platforms, startApp, type TestApp } from "../test/test-app.js";
import { ErrorContractModule } from "./error-contract-module.js";
import { fastifyServerOptions } from "./fastify-server-options.js";
import { JsonBody, useJsonBodyParser } from "./json-body.js";

@Controller("users")
class UsersController {
  @Get()
  list() {
    return [];
  }

  @Post()
  @HttpCode(201)
  create(@JsonBody(z.object({ name: z.string() })) body: { name: string }) {
    return body;
  }

  @Get(":id")
  one(@Param("id") id: string) {
    return { id };
  }

  @Delete(":id")
  @HttpCode(204)
  remove() {}
}

interface Answer {
  status: number;
  text: string;
}

// node:http rather than fetch: fetch refuses a body on GET and HEAD, and normalises nothing here.
function send(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
) {
  return new Promise<Answer>((resolve, reject) => {
    const length = body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) };
    const options = { method, headers: { ...headers, ...length } };
    const request = httpRequest(`${base}${path}`, options, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        text += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

const json = { "content-type": "application/json" };
const errorOf = ({ text }: Answer) => ErrorBody.parse(JSON.parse(text)).error;

describe.each(platforms)("routing before the body on %s", (platform) => {
  let server: TestApp;
  beforeAll(async () => {
    server = await startApp(
      platform,
      { imports: [ErrorContractModule.forRoot()], controllers: [UsersController] },
      (app) => useJsonBodyParser(app, { limit: 1024 }),
      fastifyServerOptions(),
    );
  });
  afterAll(() => server.close());

  it("matches paths exactly: case-sensitive, a trailing slash is another path", async () => {
    expect((await send(server.url, "GET", "/users/usr_ada")).status).toBe(200);
    for (const path of ["/USERS/usr_ada", "/users/usr_ada/", "/USERS", "/users/"]) {
      const answer = await send(server.url, "GET", path);
      expect({ path, status: answer.status }).toEqual({ path, status: 404 });
      expect(errorOf(answer)).toBe("not_found");
    }
  });

  it("answers a malformed percent-encoding with the contract's 400", async () => {
    const answer = await send(server.url, "GET", "/users/%E0%A4%A");
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toBe("bad_request");
    // Core's one wording, never the router's text that quotes the path back.
    expect(JSON.parse(answer.text).message).toBe("The request path is not valid percent-encoding");
  });

  it("matches a 200-character path segment like any other", async () => {
    const id = "x".repeat(200);
    const answer = await send(server.url, "GET", `/users/${id}`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ id });
  });

  it("routes before reading the body: broken JSON to an unknown path or unserved method", async () => {
    for (const [method, path] of [
      ["POST", "/nowhere"],
      ["PUT", "/users"],
      ["POST", "/users/usr_ada"],
    ] as const) {
      const answer = await send(server.url, method, path, json, '{"broken');
      expect({ method, path, status: answer.status }).toEqual({ method, path, status: 404 });
      expect(errorOf(answer)).toBe("not_found");
    }
    const refused = await send(
      server.url,
      "POST",
      "/nowhere",
      { "content-type": "application/json; charset=latin1" },
      "{}",
    );
    expect(refused.status).toBe(404);
  });

  it("still refuses broken JSON on the route that takes it", async () => {
    const answer = await send(server.url, "POST", "/users", json, '{"broken');
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toBe("bad_request");
  });

  it("ignores any body and Content-Type on GET, HEAD and DELETE", async () => {
    expect((await send(server.url, "GET", "/users/usr_ada", json, '{"broken')).status).toBe(200);
    expect((await send(server.url, "HEAD", "/users/usr_ada", json, '{"broken')).status).toBe(200);
    expect((await send(server.url, "DELETE", "/users/usr_ada", json, '{"broken')).status).toBe(204);
    expect((await send(server.url, "DELETE", "/users/usr_ada", json)).status).toBe(204);
    const latin = { "content-type": "application/json; charset=latin1" };
    const ignored = await send(server.url, "GET", "/users/usr_ada", latin, "{}");
    expect(ignored).toEqual({ status: 200, text: JSON.stringify({ id: "usr_ada" }) });
  });
});
