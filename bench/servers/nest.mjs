// Nest on Express or Fastify (`node nest.mjs <variant> express|fastify`), one variant per process
// (see targets.mjs for what each route answers):
//   contract  ErrorContractModule.forRoot() and the contract's JSON body parser: GET /ok,
//             POST /users (@JsonBody), GET /x (throws core's notFound), GET /boom (throws
//             an Error: 500 and its log line), router misses
//   plain     without it, a hand-written global filter: GET /ok, POST /users (hand-written
//             validation), GET /d (throws AppError), GET /c (inline JSON with @HttpCode(404)),
//             GET /c2 (the same with the contract's headers: C′), GET /boom
//   default   Nest's own exception filter: GET /e (throws NotFoundException), router misses
// Plain JavaScript has no decorator syntax: Reflect.decorate applies Nest's decorators the way
// TypeScript's output does.
import "reflect-metadata";
import { defineErrors, notFound } from "@error-contract/core";
import { ErrorContractModule, JsonBody, useJsonBodyParser } from "@error-contract/nestjs";
import {
  Body,
  Catch,
  Controller,
  Get,
  Headers,
  HttpCode,
  Module,
  NotFoundException,
  Post,
  Res,
} from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { FastifyAdapter } from "@nestjs/platform-fastify";
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

// As the sample app configures it: negotiated rendering and a catalog.
const errors = defineErrors({ email_taken: { status: 409, message: "Email already registered" } });

/** A parameter decorator at `index`, as TypeScript's `__param` applies it. */
const param = (index, decorator) => (target, key) => decorator(target, key, index);

/** `@Controller()` on the class, `routes[name]` (decorators) on each of its methods. */
function controller(Class, routes) {
  for (const [name, decorators] of Object.entries(routes)) {
    const descriptor = Object.getOwnPropertyDescriptor(Class.prototype, name);
    Object.defineProperty(
      Class.prototype,
      name,
      Reflect.decorate(decorators, Class.prototype, name, descriptor),
    );
  }
  return Reflect.decorate([Controller()], Class);
}

class ContractController {
  ok() {
    return user;
  }
  register() {
    return user;
  }
  x() {
    throw notFound("No such user");
  }
  boom() {
    throw new Error("database down");
  }
}

class PlainController {
  ok() {
    return user;
  }
  register(body) {
    validateRegister(body);
    return user;
  }
  d() {
    throw new AppError(404, "not_found", "No such user");
  }
  c() {
    return { error: "not_found", message: "No such user", traceId: newTraceId() };
  }
  // C′: `header()` is Express's `res.header` and Fastify's `reply.header` alike.
  c2(traceparent, response) {
    const traceId = traceIdFrom(() => traceparent);
    response.header("Cache-Control", "no-store");
    response.header("X-Request-Id", traceId);
    return { error: "not_found", message: "No such user", traceId };
  }
  boom() {
    throw new Error("database down");
  }
}

class DefaultController {
  e() {
    throw new NotFoundException("No such user");
  }
}

/** The hand-written global filter: the thrown error as the same JSON, through Nest's adapter. */
class HandWrittenFilter {
  constructor(adapter) {
    this.adapter = adapter;
  }
  catch(exception, host) {
    const http = host.switchToHttp();
    const request = http.getRequest();
    const traceId = traceIdFrom((name) => request.headers[name]);
    const { status, body } = errorBody(exception, traceId);
    if (status >= 500) logFailure(exception, traceId, request.method, request.url);
    this.adapter.reply(http.getResponse(), body, status);
  }
}
Reflect.decorate([Catch()], HandWrittenFilter);

const variants = {
  contract: {
    imports: [ErrorContractModule.forRoot({ format: "negotiate", catalog: errors })],
    controllers: [
      controller(ContractController, {
        ok: [Get("ok")],
        register: [Post("users"), param(0, JsonBody(RegisterBody))],
        x: [Get("x")],
        boom: [Get("boom")],
      }),
    ],
  },
  plain: {
    controllers: [
      controller(PlainController, {
        ok: [Get("ok")],
        register: [Post("users"), param(0, Body())],
        d: [Get("d")],
        c: [Get("c"), HttpCode(404)],
        c2: [
          Get("c2"),
          HttpCode(404),
          param(0, Headers("traceparent")),
          param(1, Res({ passthrough: true })),
        ],
        boom: [Get("boom")],
      }),
    ],
  },
  default: { controllers: [controller(DefaultController, { e: [Get("e")] })] },
};

const variant = variantArg();
const platform = process.argv[3];
if (platform !== "express" && platform !== "fastify") throw new Error(`platform must be express or fastify`);

class AppModule {}
Reflect.decorate([Module(variants[variant])], AppModule);

const options = { logger: ["error", "warn"] };
const app =
  platform === "fastify"
    ? await NestFactory.create(AppModule, new FastifyAdapter(), options)
    : await NestFactory.create(AppModule, options);
if (variant === "contract") useJsonBodyParser(app, { limit: 64 * 1024 });
if (variant === "plain") app.useGlobalFilters(new HandWrittenFilter(app.getHttpAdapter()));
await app.listen(0, "127.0.0.1");
announce(app.getHttpServer().address().port);
