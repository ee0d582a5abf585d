import type { DynamicModule, MiddlewareConsumer, NestModule, OnModuleInit } from "@nestjs/common";
import { APP_FILTER, HttpAdapterHost } from "@nestjs/core";
import { ErrorContractFilter } from "./error-contract-filter.js";
import type { ErrorContractOptions } from "./options.js";
import { translateParserErrors } from "./platform.js";
import { fromPlatformError } from "./platform-errors.js";
import { traceIdMiddleware } from "./trace-id.js";

/** Installs the Express parser-error translation once the routes are registered. */
class ParserErrorTranslation implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    translateParserErrors(this.adapterHost.httpAdapter, fromPlatformError);
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
          provide: ParserErrorTranslation,
          useFactory: (adapterHost: HttpAdapterHost) => new ParserErrorTranslation(adapterHost),
          inject: [HttpAdapterHost],
        },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(traceIdMiddleware).forRoutes("*");
  }
}
