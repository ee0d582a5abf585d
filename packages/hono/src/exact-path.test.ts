import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { ErrorBody } from "@error-contract/core";
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ContractEnv, errorContract } from "./error-contract.js";
import { exactPath } from "./exact-path.js";

function createApp() {
  const contract = errorContract();
  const app = new Hono<ContractEnv>({ getPath: exactPath });
  app.use(contract.middleware).onError(contract.onError).notFound(contract.notFound);
  app.get("/me", (c) => c.text("me"));
  app.get("/users/:id", (c) => c.text(`user ${c.req.param("id")}`));
  return app;
}

/** What Node sends for `incoming.url`: the request-target exactly as on the wire. */
const onNode = (target: string) => ({ incoming: { url: target } });

describe("exactPath", () => {
  it("routes the path as sent, not as @hono/node-server's URL resolved it", () => {
    const resolved = new Request("http://x/users/usr_ada");
    expect(exactPath(resolved, { env: onNode("/users/../users/usr_ada?a=1") })).toBe(
      "/users/../users/usr_ada",
    );
    expect(exactPath(resolved, { env: onNode("/users/%2e%2e/me") })).toBe("/users/../me");
  });

  it("decodes as Hono does, and falls back to the Request's URL off Node", () => {
    expect(exactPath(new Request("http://x/users/caf%C3%A9?q=%FF"))).toBe("/users/café");
    expect(exactPath(new Request("http://x/users/a%2Fb"))).toBe("/users/a%2Fb");
    expect(exactPath(new Request("http://x/me"), { env: onNode("http://x/me") })).toBe("/me");
  });
});

describe("a malformed percent-encoding", () => {
  it.each(["/users/%E0%A4%A", "/users/%FF", "/nope/%", "/me%C0%AF"])("GET %s is a 400", async (path) => {
    const response = await createApp().request(path);
    expect(response.status).toBe(400);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const body = ErrorBody.parse(await response.json());
    expect(body.error).toBe("bad_request");
    expect(body.traceId).toBe(response.headers.get("X-Request-Id"));
  });

  it("leaves a well-formed one and its query alone", async () => {
    const response = await createApp().request("/users/caf%C3%A9?q=%E0%A4%A");
    expect(await response.text()).toBe("user café");
  });
});

describe("dot segments on @hono/node-server", () => {
  let server: ServerType;
  let port: number;

  beforeAll(async () => {
    server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: createApp().fetch, port: 0, hostname: "127.0.0.1" }, () =>
        resolve(started),
      );
    });
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // node:http with `path` sends the target as given (fetch would resolve the dot segments first).
  const get = (path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      httpRequest({ host: "127.0.0.1", port, path }, (incoming) => {
        let body = "";
        incoming.on("data", (chunk: Buffer) => {
          body += chunk.toString();
        });
        incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, body }));
      })
        .on("error", reject)
        .end();
    });

  it.each(["/users/../users/usr_ada", "/users/%2e%2e/me", "/users/%2E%2E/users/usr_ada", "/users/./usr_ada"])(
    "GET %s is a 404",
    async (path) => {
      const { status, body } = await get(path);
      expect(status).toBe(404);
      expect(JSON.parse(body)).toMatchObject({ error: "not_found" });
    },
  );

  it("still serves the plain path and refuses a malformed one", async () => {
    expect(await get("/users/usr_ada")).toEqual({ status: 200, body: "user usr_ada" });
    expect((await get("/users/%E0%A4%A")).status).toBe(400);
  });
});
