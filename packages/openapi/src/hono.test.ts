import { defineErrors } from "@error-contract/core";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorResponses, registerErrorComponents } from "./hono.js";

const errors = defineErrors({ email_taken: { status: 409, message: "Email already registered" } });

describe("registerErrorComponents (@hono/zod-openapi)", () => {
  it("puts the contract's components in the app's document, where errorResponses refers", async () => {
    const app = new OpenAPIHono();
    registerErrorComponents(app.openAPIRegistry, { catalog: errors });
    app.openapi(
      createRoute({
        method: "get",
        path: "/items/{id}",
        request: { params: z.object({ id: z.string() }) },
        responses: {
          200: {
            description: "The item",
            content: { "application/json": { schema: z.object({ id: z.string() }) } },
          },
          ...errorResponses([404, errors.email_taken]),
        },
      }),
      (c) => c.json({ id: c.req.valid("param").id }, 200),
    );
    app.doc31("/openapi.json", { openapi: "3.1.0", info: { title: "Items", version: "1.0.0" } });
    const document = await (await app.request("/openapi.json")).json();
    expect(Object.keys(document.components.schemas)).toEqual(["ErrorBody", "ProblemBody"]);
    expect(document.components.responses.Conflict.content["application/json"].schema.allOf[1]).toEqual({
      type: "object",
      properties: { error: { enum: ["conflict", "email_taken"] } },
    });
    expect(document.paths["/items/{id}"].get.responses["404"]).toEqual({
      $ref: "#/components/responses/NotFound",
    });
    const result = await validate(document);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });
});
