import { type DynamicModule, Inject, type NestModule } from "@nestjs/common";
import { APP_FILTER, HttpAdapterHost } from "@nestjs/core";
import { ErrorContractFilter } from "./error-contract-filter.js";
import type { ErrorContractOptions } from "./options.js";
import { platformOf } from "./platforms.js";

/**
 * `ErrorContractModule.forRoot(options)` in your root module's `imports`: every HTTP error is
 * answered with the error contract, and every response carries `X-Request-Id`.
 */
export class ErrorContractModule implements NestModule {
  static forRoot(options: ErrorContractOptions = {}): DynamicModule {
    return {
      module: ErrorContractModule,
      providers: [{ provide: APP_FILTER, useValue: new ErrorContractFilter(options) }],
    };
  }

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  // Called at init, once the app has its adapter and body parsers and before any route is registered.
  configure(): void {
    const { httpAdapter } = this.adapterHost;
    platformOf(httpAdapter).setup(httpAdapter);
  }
}
// The constructor's injection, declared without parameter-decorator syntax or emitted metadata.
Inject(HttpAdapterHost)(ErrorContractModule, undefined, 0);
