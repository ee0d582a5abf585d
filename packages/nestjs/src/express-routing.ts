import type { Express } from "express";

type RouterSettings = { caseSensitive?: boolean; strict?: boolean };

/**
 * Paths match exactly: `/USERS` and `/users/usr_ada/` are other paths than `/users` and
 * `/users/usr_ada` (Express matches both loosely by default). The settings reach a router made
 * later; a router already made (routes registered before, such as the OpenAPI document's) takes
 * them for every route it is given from now on, which is when Nest registers its controllers.
 */
export function exactExpressRouting(instance: Express & { lazyrouter?: unknown }): void {
  instance.set("case sensitive routing", true);
  instance.set("strict routing", true);
  // Express 4 makes `_router` lazily (`lazyrouter`); Express 5's `router` getter makes it on access.
  const router: RouterSettings | undefined = instance.lazyrouter ? instance._router : instance.router;
  if (router) Object.assign(router, { caseSensitive: true, strict: true });
}
