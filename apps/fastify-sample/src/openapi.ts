import { errorResponsesTransformObject } from "@error-contract/openapi/fastify";
import type { SwaggerOptions } from "@fastify/swagger";
import {
  type FastifyPluginAsyncZod,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
} from "fastify-type-provider-zod";
import { z } from "zod";
import { errors } from "./errors.js";

// What the routes answer on success (routes/users.ts and routes/me.ts serialize through them).
export const PublicUser = z.strictObject({
  id: z.string().min(1),
  email: z.string(),
  name: z.string().nullable(),
});
export const Me = z.strictObject({ ...PublicUser.shape, role: z.enum(["user", "admin"]) });

export const bearer = [{ bearer: [] }];

/**
 * @fastify/swagger, registered before the routes: each route's schema (zod, through
 * fastify-type-provider-zod) plus its `documentErrors(...)` becomes its operation.
 */
export const swaggerOptions: SwaggerOptions = {
  openapi: {
    openapi: "3.1.0",
    info: {
      title: "Users (error-contract reference API)",
      version: "1.1.0",
      description:
        "Every error answers with the error contract: `ErrorBody`, or `ProblemBody` for `Accept: application/problem+json`.",
      license: { name: "MIT", url: "https://opensource.org/license/mit" },
    },
    servers: [{ url: "http://127.0.0.1:3000", description: "npm start" }],
    tags: [
      { name: "users", description: "The registration scenario" },
      { name: "meta", description: "About the API" },
    ],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
  },
  transform: jsonSchemaTransform,
  transformObject: errorResponsesTransformObject({
    catalog: errors,
    transformObject: jsonSchemaTransformObject as never,
  }) as never,
};

/** GET /openapi.json (and HEAD, which Fastify answers from the GET route): the document. */
export const openApi: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/openapi.json",
    {
      schema: {
        operationId: "getOpenApiDocument",
        summary: "This document",
        tags: ["meta"],
        security: [],
        response: { 200: z.looseObject({}).describe("The OpenAPI 3.1 document") },
      },
    },
    async () => app.swagger() as unknown as Record<string, unknown>,
  );
};
