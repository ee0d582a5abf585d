import { unauthenticated } from "@error-contract/core";
import { type CanActivate, type ExecutionContext, Injectable } from "@nestjs/common";
import type { User } from "../users/user";
import { UserStore } from "../users/user-store";
import { DEMO_TOKENS } from "./demo-tokens";

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: User;
}

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** `Authorization: Bearer <token>` → `request.user`; else 401 with a `WWW-Authenticate: Bearer` challenge. */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(private readonly store: UserStore) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = typeof header === "string" ? BEARER.exec(header)?.[1] : undefined;
    if (token === undefined) throw unauthenticated();
    const userId = DEMO_TOKENS.get(token);
    const user = userId === undefined ? undefined : this.store.findById(userId);
    if (!user) throw unauthenticated({ error: "invalid_token" });
    request.user = user;
    return true;
  }
}
