import { readBearerToken, unauthenticated } from "@error-contract/core";
import { type CanActivate, type ExecutionContext, Injectable } from "@nestjs/common";
import type { User } from "../users/user";
import { UserStore } from "../users/user-store";
import { DEMO_TOKENS } from "./demo-tokens";

type RequestHeaders = Record<string, string | string[] | undefined>;

export interface AuthenticatedRequest {
  headers: RequestHeaders;
  /** Node's request: Express's request is one, Fastify's carries it as `raw`. */
  headersDistinct?: RequestHeaders;
  raw?: { headersDistinct?: RequestHeaders };
  user?: User;
}

/** `Authorization: Bearer <token>` → `request.user`; else 401 with a `WWW-Authenticate: Bearer` challenge. */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(private readonly store: UserStore) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // Node keeps only the first of two Authorization headers in `headers`; `headersDistinct` has both.
    const distinct = (request.headersDistinct ?? request.raw?.headersDistinct)?.authorization;
    const token = readBearerToken(distinct ?? request.headers.authorization);
    if (token === undefined) throw unauthenticated();
    const userId = DEMO_TOKENS.get(token);
    const user = userId === undefined ? undefined : this.store.findById(userId);
    if (!user) throw unauthenticated({ error: "invalid_token" });
    request.user = user;
    return true;
  }
}
