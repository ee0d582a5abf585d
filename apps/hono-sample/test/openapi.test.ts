import { describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";

type Document = { paths: Record<string, Record<string, unknown>> };

// What every sample's document must be is checked against each built sample
// (scripts/test/sample-openapi.test.ts); this sample's own part reads Hono's route table.
describe("hono-sample GET /openapi.json", () => {
  it("documents every route the app serves but the fault routes, and no other", async () => {
    const app = createApp();
    const document = (await (await app.request("/openapi.json")).json()) as Document;
    const served = app.routes
      .filter(({ method, path }) => method !== "ALL" && !path.startsWith("/faults"))
      .map(({ method, path }) => `${method} ${path.replace(/:(\w+)/g, "{$1}")}`);
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(new Set(documented)).toEqual(new Set(served));
  });
});
