import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";

type Document = { paths: Record<string, Record<string, unknown>> };

/** `METHOD /path` of every route Fastify serves, read from its route tree (`printRoutes`). */
function servedRoutes(tree: string): string[] {
  const prefixes: string[] = [];
  return tree.split("\n").flatMap((line) => {
    const match = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)$/.exec(line);
    if (match === null) return [];
    const depth = (match[1]?.length ?? 0) / 4;
    prefixes.length = depth;
    const path = `${prefixes.join("")}${match[2]}`;
    prefixes.push(match[2] ?? "");
    return (match[3] ?? "").split(", ").map((method) => `${method} ${path}`);
  });
}

let app: Awaited<ReturnType<typeof buildApp>>;
beforeAll(async () => {
  app = await buildApp();
});
afterAll(() => app.close());

// What every sample's document must be is checked against each built sample
// (scripts/test/sample-openapi.test.ts); this sample's own part reads Fastify's route tree.
describe("fastify-sample GET /openapi.json", () => {
  it("documents every route the app serves but the fault routes, and no other", async () => {
    const document = (await app.inject({ method: "GET", url: "/openapi.json" })).json() as Document;
    const served = servedRoutes(app.printRoutes({ commonPrefix: false }));
    // HEAD routes are the ones Fastify adds to each GET (exposeHeadRoutes), answered by GET.
    expect(served).toContain("GET /users/:id");
    const documentedRoutes = served
      .filter((route) => !route.startsWith("HEAD ") && !route.includes(" /faults"))
      .map((route) => route.replace(/:(\w+)/g, "{$1}"));
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(new Set(documented)).toEqual(new Set(documentedRoutes));
  });
});
