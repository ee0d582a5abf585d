// Fastify 5, one variant per process (see targets.mjs for what each route answers):
//   contract  the app with @error-contract/fastify as its README sets it up (serverOptions(),
//             fastify-type-provider-zod, the plugin first): GET /ok, POST /users (zod body
//             schema), GET /x (throws core's notFound), GET /boom (throws an Error: 500 and its
//             log line), router misses
//   plain     the same app without it, hand-written: Fastify's JSON parser, GET /ok, POST /users
//             (hand-written validation), GET /d (throws AppError), GET /c (inline JSON), GET /c2
//             (inline JSON with the contract's headers: C′), GET /boom, a hand-written error handler
//   default   Fastify's own error path: GET /e (throws an error with `statusCode` 404, as
//             Fastify's docs do), router misses (bare 404)
import { defineErrors, notFound } from "@error-contract/core";
import { errorContract, serverOptions } from "@error-contract/fastify";
import Fastify from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
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
const contractOptions = { format: "negotiate", catalog: errors };

const variants = {
  async contract() {
    const app = Fastify({ ...serverOptions(contractOptions), bodyLimit: 64 * 1024 });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(errorContract, contractOptions);
    app.get("/ok", async () => user);
    app.post("/users", { schema: { body: RegisterBody } }, async (_request, reply) =>
      reply.code(201).send(user),
    );
    app.get("/x", async () => {
      throw notFound("No such user");
    });
    app.get("/boom", async () => {
      throw new Error("database down");
    });
    return app;
  },
  async plain() {
    const app = Fastify({ bodyLimit: 64 * 1024 });
    app.setErrorHandler((error, request, reply) => {
      const traceId = traceIdFrom((name) => request.headers[name]);
      const { status, body } = errorBody(error, traceId);
      if (status >= 500) logFailure(error, traceId, request.method, request.url);
      return reply.code(status).send(body);
    });
    app.get("/ok", async () => user);
    app.post("/users", async (request, reply) => {
      validateRegister(request.body);
      return reply.code(201).send(user);
    });
    app.get("/d", async () => {
      throw new AppError(404, "not_found", "No such user");
    });
    app.get("/c", async (_request, reply) =>
      reply.code(404).send({ error: "not_found", message: "No such user", traceId: newTraceId() }),
    );
    app.get("/c2", async (request, reply) => {
      const traceId = traceIdFrom((name) => request.headers[name]);
      reply.code(404).headers({ "Cache-Control": "no-store", "X-Request-Id": traceId });
      return reply.send({ error: "not_found", message: "No such user", traceId });
    });
    app.get("/boom", async () => {
      throw new Error("database down");
    });
    return app;
  },
  async default() {
    const app = Fastify();
    app.get("/e", async () => {
      throw Object.assign(new Error("No such user"), { statusCode: 404 });
    });
    return app;
  },
};

const app = await variants[variantArg()]();
await app.listen({ port: 0, host: "127.0.0.1" });
announce(app.server.address().port);
