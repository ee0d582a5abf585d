import {
  type ContractOptions,
  createErrorPath,
  type ErrorPath,
  type ErrorRequest,
  type Recogniser,
} from "./error-path.js";
import { assertPathEncoding } from "./path-encoding.js";
import type { HeaderSource } from "./request-headers.js";
import { limitRequestBody } from "./web-body-limit.js";
import { type NodeIncomingFacts, requestTargetPath, webRequestFacts } from "./web-request-facts.js";

/**
 * A Web runtime's bindings on Node's HTTP layer (the `env` of @hono/node-server): Node's request
 * and response. Other runtimes have neither.
 */
export interface NodeBindings {
  incoming?: NodeIncomingFacts;
  outgoing?: {
    setHeader(name: string, value: string): unknown;
    getHeader(name: string): unknown;
    destroy(): unknown;
  };
}

/** A Web fetch handler, such as Hono's `app.fetch`. */
export type FetchHandler = (request: Request, env: NodeBindings) => Response | Promise<Response>;

/** The options of an adapter on Web `Request`s: the application's, and the body limit. */
export interface WebContractOptions extends ContractOptions {
  /** Largest request body in bytes (with Content-Length or chunked); larger is a 413. */
  bodyLimit?: number | undefined;
}

/** Core's error path for a framework on Web `Request` and `Response` (Hono, and its kind). */
export interface WebErrorPath<R extends ErrorRequest = ErrorRequest> extends ErrorPath<R> {
  /** The request facts of `answer`, from the Request and the runtime's bindings, with the adapter's own. */
  facts(request: Request, env: unknown, more?: Partial<R>): R;
  /** What every request passes before its route: throws the 400 of a malformed path; holds the body to `bodyLimit` (413). */
  admit(request: Request, env: unknown): Request;
  /** `answer` as a Web `Response`. */
  respond(thrown: unknown, request: R): Response;
  /**
   * A fetch handler served on Node (@hono/node-server): `X-Request-Id` goes on Node's response
   * before the app runs, `admit` is checked, and whatever the app throws or rejects with (an
   * `Error` or not) is answered. Nothing then runs per request inside the app.
   */
  serveOnNode(app: {
    fetch: FetchHandler;
  }): (request: Request, env: Required<NodeBindings>) => Response | Promise<Response>;
}

export const nodeBindings = (env: unknown): NodeBindings => (env ?? {}) as NodeBindings;

/**
 * The request headers: Node's header object where the runtime has one (on @hono/node-server,
 * `request.headers` would build a whole `Headers` first), else the standard `Headers`.
 */
export function webRequestHeaders(request: Request, env: unknown): HeaderSource {
  return nodeBindings(env).incoming?.headers ?? request.headers;
}

/** The trace id `serveOnNode` put on Node's response, if the request came that way. */
export function boundTraceId(env: unknown): string | undefined {
  const id = nodeBindings(env).outgoing?.getHeader("X-Request-Id");
  return typeof id === "string" ? id : undefined;
}

/** `createErrorPath` for a framework on Web `Request` and `Response`, with the request checks every route passes. */
export function createWebErrorPath<R extends ErrorRequest = ErrorRequest>(
  options: WebContractOptions = {},
  recognise?: Recogniser<R>,
): WebErrorPath<R> {
  const path = createErrorPath<R>(options, recognise);
  const { bodyLimit } = options;

  // Object.assign onto the facts object: a spread of it measured 20x slower.
  const facts = (request: Request, env: unknown, more?: Partial<R>): R =>
    Object.assign(webRequestFacts(request, nodeBindings(env).incoming), more) as R;

  const respond = (thrown: unknown, request: R): Response => {
    const { status, headers, body } = path.answer(thrown, request);
    return new Response(body, { status, headers });
  };

  const admit = (request: Request, env: unknown): Request => {
    const { incoming } = nodeBindings(env);
    assertPathEncoding(requestTargetPath(request, incoming));
    return bodyLimit === undefined ? request : limitRequestBody(request, bodyLimit, incoming);
  };

  const serveOnNode: WebErrorPath<R>["serveOnNode"] = (app) => (request, env) => {
    const traceId = path.resolveTraceId(env.incoming.headers);
    env.outgoing.setHeader("X-Request-Id", traceId);
    const fail = (thrown: unknown) => respond(thrown, facts(request, env, { traceId } as Partial<R>));
    try {
      const response = app.fetch(admit(request, env), env);
      return response instanceof Promise ? response.catch(fail) : response;
    } catch (thrown) {
      return fail(thrown); // Hono, for one, rethrows what is not an Error.
    }
  };

  return {
    ...path,
    facts,
    admit,
    respond,
    serveOnNode,
  };
}
