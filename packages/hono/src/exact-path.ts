import { requestTargetPath } from "@error-contract/core/adapter";
import { getPath } from "hono/utils/url";
import { nodeBindings } from "./node-incoming.js";

/** The path of the request-target as the client sent it (Node's `incoming.url` on @hono/node-server). */
export function targetPath(request: Request, env: unknown): string {
  return requestTargetPath(request, nodeBindings(env).incoming);
}

/**
 * For `new Hono({ getPath: exactPath })`: routes match the path as sent, decoded as Hono decodes,
 * so `/users/../me` and `/users/%2e%2e/me` are paths of their own (a 404), never `/me`.
 */
export function exactPath(request: Request, options?: { env?: unknown }): string {
  return getPath({ url: `http://path${targetPath(request, options?.env)}` } as Request);
}
