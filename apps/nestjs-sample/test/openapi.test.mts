import type { INestApplication } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppModule } from "../src/app.module.js";
import { buildOpenApiDocument, OpenApiDocument } from "../src/openapi/open-api-document.js";

type Document = { paths: Record<string, Record<string, unknown>> };
/** A layer of Express's router: a route keeps its path and methods at runtime. */
type Layer = { route?: { path: string; methods: Record<string, boolean> } };

// In process (from the sources, through SWC for the decorators' metadata), on Nest's default
// Express platform. What every sample's document must be is checked against each built sample
// (scripts/test/sample-openapi.test.ts); this sample's own part reads the routes Nest mapped.
let app: INestApplication;
beforeAll(async () => {
  app = await NestFactory.create(AppModule, { logger: false });
  buildOpenApiDocument(app);
  await app.init();
});
afterAll(() => app.close());

describe("nestjs-sample GET /openapi.json", () => {
  it("documents every route the app serves but the fault routes, and no other", () => {
    const router = app.getHttpAdapter().getInstance().router as { stack: Layer[] };
    const served = router.stack.flatMap(({ route }) =>
      route === undefined || route.path.startsWith("/faults")
        ? []
        : Object.keys(route.methods).map(
            (method) => `${method.toUpperCase()} ${route.path.replace(/:(\w+)/g, "{$1}")}`,
          ),
    );
    expect(served).toContain("GET /users/{id}");
    const document = app.get(OpenApiDocument).get() as Document;
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(new Set(documented)).toEqual(new Set(served));
  });
});
