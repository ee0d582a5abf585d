import {
  type DynamicModule,
  Inject,
  type MiddlewareConsumer,
  type NestModule,
  type OnModuleInit,
} from "@nestjs/common";
import { APP_FILTER, HttpAdapterHost } from "@nestjs/core";
import { ErrorContractFilter } from "./error-contract-filter.js";
import type { ErrorContractOptions } from "./options.js";
import { addTraceIdHook, hasNativeTraceIdHook, translateParserErrors } from "./platform.js";
import { fromPlatformError } from "./platform-errors.js";
import { traceIdMiddleware, traceIdOf } from "./trace-id.js";

/** Once the routes are registered: the Express parser-error translation, the Fastify trace-id hook. */
class PlatformSetup implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    translateParserErrors(this.adapterHost.httpAdapter, fromPlatformError);
    addTraceIdHook(this.adapterHost.httpAdapter, traceIdOf);
  }
}

/**
 * `ErrorContractModule.forRoot(options)` in your root module's `imports`: every HTTP error is
 * answered with the error contract, and every response carries `X-Request-Id`.
 */
export class ErrorContractModule implements NestModule {
  static forRoot(options: ErrorContractOptions = {}): DynamicModule {
    return {
      module: ErrorContractModule,
      providers: [
        {
          provide: APP_FILTER,
          useFactory: (adapterHost: HttpAdapterHost) => new ErrorContractFilter(options, adapterHost),
          inject: [HttpAdapterHost],
        },
        {
          provide: PlatformSetup,
          useFactory: (adapterHost: HttpAdapterHost) => new PlatformSetup(adapterHost),
          inject: [HttpAdapterHost],
        },
      ],
    };
  }

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  configure(consumer: MiddlewareConsumer): void {
    if (!hasNativeTraceIdHook(this.adapterHost.httpAdapter)) consumer.apply(traceIdMiddleware).forRoutes("*");
  }
}
// The constructor's injection, declared without parameter-decorator syntax or emitted metadata.
Inject(HttpAdapterHost)(ErrorContractModule, undefined, 0);
