// Express 5, one variant per process (see targets.mjs for what each route answers):
//   contract  the app with @error-contract/express as its README sets it up (traceId first,
//             json() + validate() on POST /users, notFound, errorHandler last): GET /ok,
//             POST /users, GET /x (throws core's notFound), GET /boom (throws an Error: 500 and
//             its log line), router misses
//   plain     the same app without it, hand-written: express.json(), GET /ok, POST /users,
//             GET /d (throws AppError), GET /c (inline JSON), GET /c2 (inline JSON with the
//             contract's headers: C′), GET /boom, a hand-written error middleware
//   default   Express's own error path (finalhandler, NODE_ENV=production as deployed): GET /e
//             (throws an http-errors 404), router misses (bare 404)
import { defineErrors, notFound } from "@error-contract/core";
import { errorContract, json, validate } from "@error-contract/express";
import express from "express";
import createError from "http-errors";
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

/** Every variant: no X-Powered-By, no ETag, exact routing (as the sample app). */
function newApp() {
  const app = express();
  app.disable("x-powered-by").disable("etag");
  app.set("case sensitive routing", true).set("strict routing", true);
  return app;
}

const variants = {
  contract(app) {
    const contract = errorContract({ format: "negotiate", catalog: errors });
    app.use(contract.traceId);
    app.get("/ok", (_req, res) => {
      res.json(user);
    });
    app.post("/users", json({ limit: 64 * 1024 }), validate({ body: RegisterBody }), (_req, res) => {
      res.status(201).json(user);
    });
    app.get("/x", () => {
      throw notFound("No such user");
    });
    app.get("/boom", () => {
      throw new Error("database down");
    });
    app.use(contract.notFound);
    app.use(contract.errorHandler);
  },
  plain(app) {
    app.get("/ok", (_req, res) => {
      res.json(user);
    });
    app.post("/users", express.json({ limit: 64 * 1024 }), (req, res) => {
      validateRegister(req.body);
      res.status(201).json(user);
    });
    app.get("/d", () => {
      throw new AppError(404, "not_found", "No such user");
    });
    app.get("/c", (_req, res) => {
      res.status(404).json({ error: "not_found", message: "No such user", traceId: newTraceId() });
    });
    app.get("/c2", (req, res) => {
      const traceId = traceIdFrom((name) => req.get(name));
      res.status(404).set({ "Cache-Control": "no-store", "X-Request-Id": traceId });
      res.json({ error: "not_found", message: "No such user", traceId });
    });
    app.get("/boom", () => {
      throw new Error("database down");
    });
    // The hand-written global handler: Express knows it by its four parameters.
    app.use((error, req, res, _next) => {
      const traceId = traceIdFrom((name) => req.get(name));
      const { status, body } = errorBody(error, traceId);
      if (status >= 500) logFailure(error, traceId, req.method, req.path);
      res.status(status).json(body);
    });
  },
  default(app) {
    // finalhandler renders the status's name, not the stack, in production.
    app.set("env", "production");
    app.get("/e", () => {
      throw createError(404, "No such user");
    });
  },
};

const app = newApp();
variants[variantArg()](app);
const server = app.listen(0, "127.0.0.1", () => announce(server.address().port));
