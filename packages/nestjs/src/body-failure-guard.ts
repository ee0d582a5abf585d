import type { CanActivate, ExecutionContext } from "@nestjs/common";
import { recordedBodyFailure } from "./body-failure.js";

/**
 * Global, first of the guards (`ErrorContractModule` registers it): a body failure the platform
 * kept before routing is raised once a route has matched, before any other guard or the handler,
 * which is where Fastify (reading the body after routing) raises it too.
 */
export class BodyFailureGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== "http") return true;
    const failure = recordedBodyFailure(context.switchToHttp().getRequest());
    if (failure !== undefined) throw failure;
    return true;
  }
}
