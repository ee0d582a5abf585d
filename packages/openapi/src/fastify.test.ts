import { defineErrors } from "@error-contract/core";
import fastifySwagger from "@fastify/swagger";
import { compileErrors, validate } from "@readme/openapi-parser";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { documentErrors, ERROR_RESPONSES_KEY, errorResponsesTransformObject } from "./fastify.js";

type Operation = { responses: Record<string, unknown> };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, unknown>;
    responses: Record<string, { content: Record<string, { schema: { allOf: unknown[] } }> }>;
  };
};

const errors = defineErrors({ email_taken: { status: 409, message: "Email already registered" } });

async function documentOf(transformObject: ReturnType<typeof errorResponsesTransformObject>) {
  const app = Fastify();
  await app.register(fastifySwagger, {
    openapi: { openapi: "3.1.0", info: { title: "Items", version: "1.0.0" } },
    transformObject: transformObject as never,
  });
  app.get(
    "/items/:id",
    {
      schema: {
        params: { type: "object", properties: { id: { type: "string" } }, required: ["id"] },
        response: {
          200: { description: "The item", type: "object", properties: { id: { type: "string" } } },
        },
        ...documentErrors([404, errors.email_taken]),
      },
    },
    async (request) => ({ id: (request.params as { id: string }).id }),
  );
  await app.ready();
  const document = app.swagger() as unknown as Document;
  await app.close();
  return document;
}

describe("errorResponsesTransformObject (@fastify/swagger)", () => {
  it("moves documentErrors(...) into the operation's responses, beside its response schemas", async () => {
    const document = await documentOf(errorResponsesTransformObject({ catalog: errors }));
    const operation = document.paths["/items/{id}"]?.get as Operation;
    expect(Object.keys(operation.responses)).toEqual(["200", "404", "409"]);
    expect(operation.responses["404"]).toEqual({ $ref: "#/components/responses/NotFound" });
    expect(operation).not.toHaveProperty(ERROR_RESPONSES_KEY);
    expect(document.components.responses.Conflict?.content["application/json"]?.schema.allOf[1]).toEqual({
      type: "object",
      properties: { error: { enum: ["conflict", "email_taken"] } },
    });
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });

  it("runs another transformObject first and keeps its components", async () => {
    const document = await documentOf(
      errorResponsesTransformObject({
        transformObject: ({ openapiObject }) => ({
          ...openapiObject,
          components: { ...openapiObject.components, schemas: { Item: { type: "object" } } },
        }),
      }),
    );
    expect(Object.keys(document.components.schemas)).toEqual(["Item", "ErrorBody", "ProblemBody"]);
  });

  it("refuses a status that is both a response schema and an error response", () => {
    const transform = errorResponsesTransformObject();
    const openapiObject = {
      paths: { "/x": { get: { responses: { "404": { description: "Mine" } }, ...documentErrors([404]) } } },
    };
    expect(() => transform({ openapiObject })).toThrow("404 is both a response schema and an error response");
  });
});
