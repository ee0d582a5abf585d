import { defineErrors } from "@error-contract/core";
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { createDocument } from "./create-document.js";
import { headerRef } from "./error-headers.js";
import { errorResponses } from "./error-responses.js";

const errors = defineErrors({ email_taken: { status: 409, message: "Email already registered" } });

describe("createDocument", () => {
  const document = createDocument({
    info: { title: "Users", version: "1.0.0" },
    catalog: errors,
    components: { schemas: { User: { type: "object" } } },
    paths: {
      "/users": {
        post: {
          operationId: "registerUser",
          responses: {
            "201": {
              description: "Registered",
              headers: { "X-Request-Id": headerRef("X-Request-Id") },
              content: { "application/json": { schema: { $ref: "#/components/schemas/User" } } },
            },
            ...errorResponses([400, 415, 422, errors.email_taken, 500]),
          },
        },
      },
    },
  });

  it("is a valid OpenAPI 3.1 document (@readme/openapi-parser)", async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(document.openapi).toBe("3.1.0");
  });

  it("keeps the application's components beside the contract's", () => {
    const components = document.components as Record<string, Record<string, unknown>>;
    expect(Object.keys(components.schemas ?? {})).toEqual(["User", "ErrorBody", "ProblemBody"]);
    expect(components.responses).toHaveProperty("Conflict");
  });
});
