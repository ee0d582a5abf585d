// Kept per Node request, like the trace id: Fastify's wrapper and Node's request share it.
const failures = new WeakMap<object, unknown>();
const rawOf = (request: object): object => (request as { raw?: object }).raw ?? request;

/**
 * A body failure found before routing (Express parses in a middleware ahead of the routes): kept
 * on the request rather than answered, so an unknown path or an unserved method is still a
 * 404/405, and `@JsonBody` raises it on the route that takes the body.
 */
export function recordBodyFailure(request: object, failure: unknown): void {
  failures.set(rawOf(request), failure);
}

/** The failure `recordBodyFailure` kept for this request, if any. */
export function recordedBodyFailure(request: object): unknown {
  return failures.get(rawOf(request));
}
