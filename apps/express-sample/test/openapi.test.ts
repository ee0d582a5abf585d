import { describe, expect, it } from "vitest";
import { openApiDocument } from "../src/openapi.js";
import { me } from "../src/routes/me.js";
import { openApi } from "../src/routes/openapi.js";
import { users } from "../src/routes/users.js";

// What every sample's document must be is checked against each built sample
// (scripts/test/sample-openapi.test.ts); this sample's own part reads its routers' stacks.
describe("express-sample GET /openapi.json", () => {
  it("documents every route the app serves but the fault routes, and no other", () => {
    // The routers app.ts mounts, but the fault routes (routes/faults.ts).
    const served = [users, me, openApi].flatMap((router) =>
      router.stack.flatMap((layer) => {
        // Express keeps a route's methods at runtime; @types/express leaves them out.
        const route = layer.route as { path: string; methods: Record<string, boolean> } | undefined;
        return Object.keys(route?.methods ?? {}).map(
          (method) => `${method.toUpperCase()} ${String(route?.path).replace(/:(\w+)/g, "{$1}")}`,
        );
      }),
    );
    // The document GET /openapi.json serves (routes/openapi.ts).
    const documented = Object.entries(openApiDocument.paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item ?? {}).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(new Set(documented)).toEqual(new Set(served));
  });
});
