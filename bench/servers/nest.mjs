// Nest on Express or Fastify (`node nest.mjs <variant> express|fastify`), one variant per process:
//   contract  ErrorContractModule.forRoot(): GET /ok, GET /x (throws core's notFound)
//   plain     without it, a hand-written global filter: GET /ok, GET /d (throws AppError),
//             GET /c (returns the error JSON inline with @HttpCode(404))
//   default   Nest's own exception filter: GET /e (throws NotFoundException)
// Plain JavaScript has no decorator syntax: Reflect.decorate applies Nest's decorators the way
// TypeScript's output does.
import "reflect-metadata";
import { defineErrors, notFound } from "@error-contract/core";
import { ErrorContractModule } from "@error-contract/nestjs";
import { Catch, Controller, Get, HttpCode, Module, NotFoundException } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { FastifyAdapter } from "@nestjs/platform-fastify";
import { announce, variantArg } from "./announce.mjs";
import { AppError, errorBody, newTraceId, user } from "./hand-written.mjs";

// As the sample app configures it: negotiated rendering and a catalog.
const errors = defineErrors({ email_taken: { status: 409, message: "Email already registered" } });

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
  x() {
    throw notFound("No such user");
  }
}

class PlainController {
  ok() {
    return user;
  }
  d() {
    throw new AppError(404, "not_found", "No such user");
  }
  c() {
    return { error: "not_found", message: "No such user", traceId: newTraceId() };
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
    const { status, body } = errorBody(exception);
    this.adapter.reply(host.switchToHttp().getResponse(), body, status);
  }
}
Reflect.decorate([Catch()], HandWrittenFilter);

const variants = {
  contract: {
    imports: [ErrorContractModule.forRoot({ format: "negotiate", catalog: errors })],
    controllers: [controller(ContractController, { ok: [Get("ok")], x: [Get("x")] })],
  },
  plain: {
    controllers: [
      controller(PlainController, { ok: [Get("ok")], d: [Get("d")], c: [Get("c"), HttpCode(404)] }),
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
if (variant === "plain") app.useGlobalFilters(new HandWrittenFilter(app.getHttpAdapter()));
await app.listen(0, "127.0.0.1");
announce(app.getHttpServer().address().port);
