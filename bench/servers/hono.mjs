// Hono on @hono/node-server, one variant per process:
//   contract  the app with @error-contract/hono: GET /ok, GET /x (throws core's notFound)
//   plain     the same app without it, a hand-written onError: GET /ok, GET /d (throws AppError),
//             GET /c (returns the error JSON inline)
//   default   Hono's own error path: GET /e (throws HTTPException, no onError)
import { defineErrors, notFound } from "@error-contract/core";
import { errorContract } from "@error-contract/hono";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { announce, variantArg } from "./announce.mjs";
import { AppError, errorBody, newTraceId, user } from "./hand-written.mjs";

// As the sample app configures it: negotiated rendering, a catalog, a body limit.
const errors = defineErrors({ email_taken: { status: 409, message: "Email already registered" } });

const variants = {
  contract(app) {
    const contract = errorContract({ format: "negotiate", catalog: errors, bodyLimit: 64 * 1024 });
    app.use(contract.middleware);
    app.onError(contract.onError);
    app.notFound(contract.notFound);
    app.get("/ok", (c) => c.json(user));
    app.get("/x", () => {
      throw notFound("No such user");
    });
  },
  plain(app) {
    app.onError((error, c) => {
      const { status, body } = errorBody(error);
      return c.json(body, status);
    });
    app.get("/ok", (c) => c.json(user));
    app.get("/d", () => {
      throw new AppError(404, "not_found", "No such user");
    });
    app.get("/c", (c) => c.json({ error: "not_found", message: "No such user", traceId: newTraceId() }, 404));
  },
  default(app) {
    app.get("/e", () => {
      throw new HTTPException(404, { message: "No such user" });
    });
  },
};

const app = new Hono();
variants[variantArg()](app);
serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info) => announce(info.port));
