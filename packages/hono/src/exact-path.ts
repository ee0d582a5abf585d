import { requestTargetPath } from "@error-contract/core/adapter";
import { getPath } from "hono/utils/url";
import { nodeBindings } from "./node-server.js";

/**
 * For `new Hono({ getPath: exactPath })`: routes match the path as sent (Node's `incoming.url` on
 * @hono/node-server, whose Request URL has its dot segments resolved), decoded as Hono decodes, so
 * `/users/../me` and `/users/%2e%2e/me` are paths of their own (a 404), never `/me`.
 */
export function exactPath(request: Request, options?: { env?: unknown }): string {
  const path = requestTargetPath(request, nodeBindings(options?.env).incoming);
  return getPath({ url: `http://path${path}` } as Request);
}
