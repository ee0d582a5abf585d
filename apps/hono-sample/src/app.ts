import { errorContract, exactPath } from "@error-contract/hono";
import { Hono } from "hono";
import type { AppEnv } from "./env.js";
import { errors } from "./errors.js";
import { faults } from "./faults.js";
import { me } from "./me.js";
import { openApi } from "./openapi.js";
import { createUserStore, type UserStore, unavailableUserStore } from "./user-store.js";
import { users } from "./users.js";

function build(store: UserStore, { middleware }: { middleware: boolean }) {
  const contract = errorContract({ format: "negotiate", catalog: errors, bodyLimit: 64 * 1024 });
  const down = unavailableUserStore();
  // Routes match the path as sent: dot segments are not resolved (`/users/../me` is a 404).
  const app = new Hono<AppEnv>({ getPath: exactPath });
  if (middleware) app.use(contract.middleware);
  app.onError(contract.onError);
  // Unknown paths and methods a known path does not serve (PUT /users) are both a 404, as on every target.
  app.notFound(contract.notFound);
  // `X-Fault: database` plays a database outage for this request.
  app.use(async (c, next) => {
    c.set("users", c.req.header("X-Fault") === "database" ? down : store);
    await next();
  });
  return {
    app: app.route("/users", users).route("/me", me).route("/faults", faults).route("/", openApi),
    contract,
  };
}

/**
 * The reference API with the contract's middleware: for `app.request()` in tests and for
 * runtimes other than Node (Workers, Bun, Deno). A fresh user store per app (tests build one each).
 */
export function createApp(store: UserStore = createUserStore()) {
  return build(store, { middleware: true }).app;
}

/**
 * The reference API for @hono/node-server (server.ts): `contract.fetch` does the middleware's work
 * on Node's response, so no middleware of the contract runs per request.
 */
export function createNodeFetch(store: UserStore = createUserStore()) {
  const { app, contract } = build(store, { middleware: false });
  return contract.fetch(app);
}

export const app = createApp();
