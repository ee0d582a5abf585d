import { readBearerToken, unauthenticated } from "@error-contract/core";
import type { NextFunction, Request, Response } from "express";

// Demo identities: a real app verifies the token (JWT, session lookup) instead.
const DEMO_TOKENS = new Map([
  ["user-token", "usr_ada"],
  ["admin-token", "usr_root"],
]);

/** `Authorization: Bearer <token>` or a 401 with the matching `WWW-Authenticate` challenge. */
export async function requireUser(req: Request, res: Response, next: NextFunction): Promise<void> {
  const token = readBearerToken(req.headersDistinct.authorization);
  if (token === undefined) throw unauthenticated();
  const userId = DEMO_TOKENS.get(token);
  const user = userId === undefined ? undefined : await res.locals.users.findById(userId);
  if (user === undefined) throw unauthenticated({ error: "invalid_token" });
  res.locals.user = user;
  next();
}
