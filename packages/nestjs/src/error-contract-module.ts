import {
  type DynamicModule,
  Inject,
  type MiddlewareConsumer,
  type NestModule,
  type OnModuleInit,
} from "@nestjs/common";
import { APP_FILTER, APP_GUARD, HttpAdapterHost } from "@nestjs/core";
import { BodyFailureGuard } from "./body-failure-guard.js";
import { ErrorContractFilter } from "./error-contract-filter.js";
import type { ErrorContractOptions } from "./options.js";
import { platformOf } from "./platform.js";
import { traceIdMiddleware, traceIdOf } from "./trace-id.js";

/** Once the routes are registered: the platform's parser-error translation or trace-id hook. */
class PlatformSetup implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const { httpAdapter } = this.adapterHost;
    platformOf(httpAdapter).setup(httpAdapter, traceIdOf);
  }
}

/**
 * `ErrorContractModule.forRoot(options)` in your root module's `imports`: every HTTP error is
 * answered with the error contract, and every response carries `X-Request-Id`.
 */
export class ErrorContractModule implements NestModule {
  static forRoot(options: ErrorContractOptions = {}): DynamicModule {
    const inject = [HttpAdapterHost];
    return {
      module: ErrorContractModule,
      providers: [
        {
          provide: APP_FILTER,
          useFactory: (host: HttpAdapterHost) => new ErrorContractFilter(options, host),
          inject,
        },
        { provide: APP_GUARD, useFactory: () => new BodyFailureGuard() },
        { provide: PlatformSetup, useFactory: (host: HttpAdapterHost) => new PlatformSetup(host), inject },
      ],
    };
  }

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  configure(consumer: MiddlewareConsumer): void {
    if (!platformOf(this.adapterHost.httpAdapter).nativeTraceId)
      consumer.apply(traceIdMiddleware).forRoutes("*");
  }
}
// The constructor's injection, declared without parameter-decorator syntax or emitted metadata.
Inject(HttpAdapterHost)(ErrorContractModule, undefined, 0);
