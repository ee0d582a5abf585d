import { forbidden } from "@error-contract/core";
import { type CanActivate, type ExecutionContext, Injectable } from "@nestjs/common";
import type { AuthenticatedRequest } from "./bearer-auth.guard";

/** After `BearerAuthGuard`: 403 for anyone but an admin. */
@Injectable()
export class AdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { user } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (user?.role !== "admin") throw forbidden("Admins only");
    return true;
  }
}
