// Hono on @hono/node-server, one variant per process (see targets.mjs for what each route answers):
//   contract  the app with @error-contract/hono, served through its node-server integration
//             (`contract.fetch(app)`: no middleware of the contract per request): GET /ok, POST /users (validate), GET /x (throws
//             core's notFound), GET /boom (throws an Error: 500 and its log line), router misses
//   plain     the same app without it, hand-written: GET /ok, POST /users, GET /d (throws AppError),
//             GET /c (inline JSON), GET /c2 (inline JSON with the contract's headers: C′), GET /boom
//   default   Hono's own error path: GET /e (throws HTTPException), router misses (bare 404)
import { defineErrors, notFound } from "@error-contract/core";
import { errorContract, validate } from "@error-contract/hono";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { announce, variantArg } from "./announce.mjs";
import {
  AppError,
  errorBody,
  logFailure,
  newTraceId,
  RegisterBody,
  traceIdFrom,
  user,
  validateRegister,
} from "./hand-written.mjs";

// As the sample app configures it: negotiated rendering, a catalog, a body limit.
const errors = defineErrors({ email_taken: { status: 409, message: "Email already registered" } });

const variants = {
  contract(app) {
    const contract = errorContract({ format: "negotiate", catalog: errors, bodyLimit: 64 * 1024 });
    app.onError(contract.onError);
    app.notFound(contract.notFound);
    app.get("/ok", (c) => c.json(user));
    app.post("/users", validate("json", RegisterBody), (c) => c.json(user, 201));
    app.get("/x", () => {
      throw notFound("No such user");
    });
    app.get("/boom", () => {
      throw new Error("database down");
    });
    return contract.fetch(app);
  },
  plain(app) {
    app.onError((error, c) => {
      const traceId = traceIdFrom((name) => c.req.header(name));
      const { status, body } = errorBody(error, traceId);
      if (status >= 500) logFailure(error, traceId, c.req.method, c.req.path);
      return c.json(body, status);
    });
    app.get("/ok", (c) => c.json(user));
    app.post("/users", async (c) => {
      validateRegister(await c.req.json());
      return c.json(user, 201);
    });
    app.get("/d", () => {
      throw new AppError(404, "not_found", "No such user");
    });
    app.get("/c", (c) => c.json({ error: "not_found", message: "No such user", traceId: newTraceId() }, 404));
    app.get("/c2", (c) => {
      const traceId = traceIdFrom((name) => c.req.header(name));
      return c.json({ error: "not_found", message: "No such user", traceId }, 404, {
        "Cache-Control": "no-store",
        "X-Request-Id": traceId,
      });
    });
    app.get("/boom", () => {
      throw new Error("database down");
    });
  },
  default(app) {
    app.get("/e", () => {
      throw new HTTPException(404, { message: "No such user" });
    });
  },
};

const app = new Hono();
// A variant returns the fetch to serve when it is not the app's own.
const fetch = variants[variantArg()](app) ?? app.fetch;
serve({ fetch, hostname: "127.0.0.1", port: 0 }, (info) => announce(info.port));
