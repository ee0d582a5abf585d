import { badRequest, unsupportedMediaType } from "@error-contract/core";
import { isJsonContentType } from "@error-contract/core/adapter";
import { type CanActivate, type ExecutionContext, UseGuards } from "@nestjs/common";
import { requestHeader } from "./platform.js";

/**
 * A JSON route: 415 unless the request says `application/json` (or `+json`), and 400 for an
 * empty body. Without it Express hands a handler `{}` for an empty or non-JSON body, while
 * Fastify answers 400 or 415 itself; with it both platforms answer the same.
 */
export class RequireJsonGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request: object = context.switchToHttp().getRequest();
    if (!isJsonContentType(requestHeader(request, "content-type"))) throw unsupportedMediaType();
    const length = requestHeader(request, "content-length");
    if (
      length === "0" ||
      (length === undefined && requestHeader(request, "transfer-encoding") === undefined)
    ) {
      throw badRequest("The request body is empty");
    }
    return true;
  }
}

/** `@RequireJson()` on a handler or controller: see `RequireJsonGuard`. */
export const RequireJson = () => UseGuards(new RequireJsonGuard());
