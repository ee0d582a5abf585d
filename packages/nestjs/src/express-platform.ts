import { isJsonContentType } from "@error-contract/core/adapter";
import { fromBodyParserError, readJsonBody, traceIdMiddleware } from "@error-contract/core/node";
import type { CanActivate, ExecutionContext } from "@nestjs/common";
import type { NextFunction, Request, Response } from "express";
import { takesNoBody } from "./bodiless-method.js";
import { exactExpressRouting } from "./express-routing.js";
import type { NestPlatform } from "./platform.js";

/**
 * Reads a JSON body once a route has matched (a global guard runs before any other guard, pipe
 * or handler): routing comes first, so an unknown path or an unserved method stays a 404
 * whatever body it carries. GET, HEAD and DELETE have their body and `Content-Type` ignored.
 */
class JsonBodyReader implements CanActivate {
  constructor(private readonly limit: number) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== "http") return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (!takesNoBody(request.method) && isJsonContentType(request.headers["content-type"]))
      request.body = await readJsonBody(request.headers, request, this.limit);
    return true;
  }
}

export const expressPlatform: NestPlatform = {
  setup(adapter) {
    // A plain Express middleware (ahead of the routes): Nest's middleware layer costs more per request.
    adapter.use(traceIdMiddleware);
    // Nest's default body-parser (when `useJsonBodyParser` is not used) fails in its own words,
    // which quote the body: its errors go on in core's.
    adapter.use((error: unknown, _q: Request, _s: Response, next: NextFunction) =>
      next(fromBodyParserError(error) ?? error),
    );
  },
  useJsonBody(app, limit) {
    exactExpressRouting(app.getHttpAdapter().getInstance());
    // Nest adds body-parser's JSON parser unless one named `jsonParser` is in place: this one leaves
    // the body unread, for the reader to read strictly (UTF-8, the limit as it streams) after routing.
    app.use(function jsonParser(_request: Request, _response: Response, next: NextFunction) {
      next();
    });
    app.useGlobalGuards(new JsonBodyReader(limit));
  },
};
