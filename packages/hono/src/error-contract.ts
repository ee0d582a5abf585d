import { notFound } from "@error-contract/core";
import { createWebErrorPath, isProtocolSwitch, type WebContractOptions } from "@error-contract/core/adapter";
import { nodeTraceId, traceIdMiddleware } from "@error-contract/core/node";
import type { Context, ErrorHandler, Hono, MiddlewareHandler, NotFoundHandler } from "hono";
import { type HonoRequest, recogniseHonoError } from "./hono-errors.js";
import { type NodeBindings, nodeBindings } from "./node-server.js";
import { abortStream, type StreamErrorHandler } from "./stream-error.js";

/** The context variables the middleware sets: `c.var.traceId` (and `requestId`, as hono/request-id does). */
export type ContractEnv = { Variables: { traceId: string; requestId: string } };

/** `format`, `catalog`, `report` (core's `ContractOptions`), and `bodyLimit` in bytes (larger is a 413). */
export type ErrorContractOptions = WebContractOptions;

export type ErrorContract = ReturnType<typeof errorContract>;

/** The request's trace id, where the middleware or `contract.fetch` resolved it. */
export function traceIdOf(c: Context): string | undefined {
  const id: unknown = c.get("traceId");
  if (typeof id === "string") return id;
  // On Node, kept on Node's request as on every Node adapter (core's `nodeTraceId`).
  const { incoming } = nodeBindings(c.env);
  return incoming === undefined ? undefined : nodeTraceId(incoming);
}

/**
 * The error contract for a Hono app: `app.onError(contract.onError); app.notFound(contract.notFound)`,
 * then on @hono/node-server `serve({ fetch: contract.fetch(app) })`, elsewhere `app.use(contract.middleware)` first.
 */
export function errorContract(options: ErrorContractOptions = {}) {
  const path = createWebErrorPath<HonoRequest>(options, recogniseHonoError);
  const factsOf = (c: Context, earlierHeaders?: Headers) =>
    path.facts(c.req.raw, nodeBindings(c.env).incoming, { c, traceId: traceIdOf(c), earlierHeaders });

  // The answer replaces the response in progress (or the placeholder Hono made of the headers set
  // so far): dropped first, or Hono would merge its headers into the answer.
  const respond = (thrown: unknown, c: Context): Response => {
    const request = factsOf(c, c.res.headers);
    c.res = undefined;
    return path.respond(thrown, request);
  };

  /** Resolves the trace id, sets `X-Request-Id`, refuses a malformed path, enforces the body limit, and answers for non-Error throws. */
  const middleware: MiddlewareHandler<ContractEnv> = async (c, next) => {
    const { incoming } = nodeBindings(c.env);
    // On Node, kept on Node's request as on every Node adapter.
    const traceId = incoming === undefined ? path.resolveTraceId(c.req.raw.headers) : nodeTraceId(incoming);
    c.set("traceId", traceId);
    c.set("requestId", traceId); // hono/request-id installed before: one id for the request.
    // Set before the handler runs: Hono then writes it with the response it builds, where
    // setting it afterwards would rebuild the finished response (measured: 3.5x slower).
    c.header("X-Request-Id", traceId);
    try {
      c.req.raw = path.admit(c.req.raw, incoming);
      await next();
    } catch (thrown) {
      c.res = respond(thrown, c); // Hono hands only Errors to onError: strings, null, objects land here.
    }
    // A Response returned as it is missed the prepared header (Hono rebuilds it to add one); a
    // WebSocket upgrade goes out untouched.
    if (!isProtocolSwitch(c.res) && !c.res.headers.has("X-Request-Id")) c.header("X-Request-Id", traceId);
  };

  /** For `app.onError`. */
  const onError: ErrorHandler = respond;
  /**
   * For `app.notFound`. Returned, not set: Hono merges it into a response a middleware began
   * (CORS's headers) and keeps it as it is otherwise; reading `c.res` here would begin one.
   */
  const onNotFound: NotFoundHandler = (c) => path.respond(notFound(), factsOf(c));
  /**
   * For Hono's `stream`/`streamText`/`streamSSE` (their `onError`): a failure after the headers
   * went out is reported once with the trace id and the connection aborted (no second response).
   */
  const onStreamError =
    (c: Context): StreamErrorHandler =>
    async (thrown, stream) => {
      path.abandon(thrown, factsOf(c));
      await abortStream(c, stream);
    };
  /**
   * The app's `fetch` for @hono/node-server, in place of the middleware: `X-Request-Id` goes on
   * Node's response before the app runs, so nothing runs per request inside Hono and its fast path
   * stays. The middleware's checks, and its answer to what the app throws or rejects with (an
   * `Error` or not), happen here.
   */
  const fetch =
    (app: Pick<Hono, "fetch">) =>
    (request: Request, env: Required<NodeBindings>): Response | Promise<Response> => {
      const traceId = traceIdMiddleware(env.incoming, env.outgoing);
      const fail = (thrown: unknown) => path.respond(thrown, path.facts(request, env.incoming, { traceId }));
      try {
        const response = app.fetch(path.admit(request, env.incoming), env);
        return response instanceof Promise ? response.catch(fail) : response;
      } catch (thrown) {
        return fail(thrown); // Hono rethrows what is not an Error.
      }
    };
  return { middleware, onError, notFound: onNotFound, onStreamError, fetch };
}
