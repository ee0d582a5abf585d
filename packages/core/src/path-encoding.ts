import { badRequest } from "./factories.js";

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
    throw badRequest("The request path is not valid percent-encoding", { cause: thrown });
  }
}
