import type { ApiError } from "./api-error.js";
import { badRequest } from "./factories.js";

/**
 * Core's one 400 for a request path whose percent-encoding is malformed, whoever found it (a
 * router's decoding, Fastify's `FST_ERR_BAD_URL`): the same words everywhere, never the path echoed.
 */
export function malformedPath(cause?: unknown): ApiError {
  return badRequest("The request path is not valid percent-encoding", { cause });
}

/**
 * Throws core's 400 for a request path whose percent-encoding is malformed or encodes no UTF-8;
 * else the decoded path (returned: a bundler drops a `decodeURIComponent` whose result goes unused).
 * Every adapter refuses such a path with this one wording.
 */
export function assertPathEncoding(path: string): string {
  if (!path.includes("%")) return path;
  try {
    return decodeURIComponent(path);
  } catch (thrown) {
    throw malformedPath(thrown);
  }
}
