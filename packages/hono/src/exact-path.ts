import { badRequest } from "@error-contract/core";
import { getPath } from "hono/utils/url";
import { nodeBindings } from "./node-incoming.js";

/**
 * The path of the request-target as the client sent it, query left off: Node's `incoming.url`
 * where there is one (@hono/node-server's Request URL has its dot segments resolved by
 * `new URL()`, `%2e%2e` included), else the Request's URL.
 */
export function targetPath(request: Request, env: unknown): string {
  const target = nodeBindings(env).incoming?.url;
  const { url } = request;
  const path = target?.startsWith("/") ? target : url.slice(url.indexOf("/", url.indexOf(":") + 3));
  const end = path.search(/[?#]/);
  return end === -1 ? path : path.slice(0, end);
}

/**
 * For `new Hono({ getPath: exactPath })`: routes match the path as sent, decoded as Hono decodes,
 * so `/users/../me` and `/users/%2e%2e/me` are paths of their own (a 404), never `/me`.
 */
export function exactPath(request: Request, options?: { env?: unknown }): string {
  return getPath({ url: `http://path${targetPath(request, options?.env)}` } as Request);
}

/**
 * Throws core's 400 for a path whose percent-encoding is malformed or encodes no UTF-8; else the
 * decoded path (returned: a bundler drops a `decodeURIComponent` whose result goes unused).
 */
export function assertPercentEncoding(request: Request, env: unknown): string {
  const path = targetPath(request, env);
  if (!path.includes("%")) return path;
  try {
    return decodeURIComponent(path);
  } catch (thrown) {
    throw badRequest("The request path is not valid percent-encoding", { cause: thrown });
  }
}
