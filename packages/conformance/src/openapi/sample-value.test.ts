import { describe, expect, it } from "vitest";
import { constraintBreaks } from "./body-cases.js";
import type { OpenApiDocument } from "./document.js";
import { samplePath, sampleValue } from "./sample-value.js";
import { toJsonSchema } from "./schema.js";

const document: OpenApiDocument = {
  openapi: "3.0.3",
  components: {
    schemas: {
      Qty: { type: "integer", minimum: 0, exclusiveMinimum: true, maximum: 10 },
      Item: {
        type: "object",
        required: ["qty", "tag"],
        properties: {
          qty: { $ref: "#/components/schemas/Qty" },
          tag: { type: "string", enum: ["a", "b"] },
          note: { type: "string" },
        },
      },
    },
  },
};

describe("sample values and constraint breaks", () => {
  it("builds a valid value: $refs followed, required members only, 3.0 exclusive bounds kept", () => {
    expect(sampleValue(document, { $ref: "#/components/schemas/Item" })).toEqual({ qty: 1, tag: "a" });
    expect(sampleValue(document, { type: "string", minLength: 30 })).toHaveLength(30 - 6);
    expect(sampleValue(document, { type: "string", format: "email" })).toBe(
      "conformance-{{suffix}}@example.com",
    );
  });

  it("fills path parameters from examples, else a unique string", () => {
    const parameters = [
      { in: "path", name: "id", schema: { type: "string" } },
      { in: "path", name: "n", schema: { type: "integer", minimum: 5 } },
    ];
    expect(samplePath(document, "/orders/{id}/lines/{n}", parameters)).toBe(
      "/orders/conformance-{{suffix}}/lines/5",
    );
  });

  it("fills a path parameter with a value its pattern accepts (GitHub's versions and digests)", () => {
    const parameters = [
      { in: "path", name: "name", schema: { type: "string", pattern: "^[a-zA-Z0-9._-]+$" } },
      { in: "path", name: "version", schema: { type: "string", pattern: "^\\d+\\.\\d+\\.\\d+$" } },
      { in: "path", name: "digest", schema: { type: "string", pattern: "^sha256:[a-f0-9]{64}$" } },
    ];
    expect(samplePath(document, "/p/{name}/{version}/{digest}", parameters)).toBe(
      `/p/conformance-{{suffix}}/0.0.0/sha256%3A${"a".repeat(64)}`,
    );
    expect(sampleValue(document, { type: "string", pattern: "^[A-Z]{3}$" })).toBe("AAA");
  });

  it("breaks each constraint once", () => {
    expect(
      constraintBreaks(
        { minLength: 3, maxLength: 5, pattern: "^[a-z]+$", format: "email", enum: ["x"] },
        "string",
      ),
    ).toEqual([
      ["min-length", "cc"],
      ["max-length", "cccccc"],
      ["pattern", ""],
      ["format", "not-an-email"],
      ["enum", "error-contract-not-in-enum"],
    ]);
    expect(constraintBreaks({ minimum: 0, exclusiveMinimum: true, maximum: 10 }, "integer")).toEqual([
      ["minimum", 0],
      ["maximum", 11],
    ]);
  });

  it("turns OpenAPI 3.0 schemas into JSON Schema: nullable, boolean exclusive bounds, $refs inlined", () => {
    expect(toJsonSchema(document, { type: "string", nullable: true, example: "x" })).toEqual({
      type: ["string", "null"],
    });
    expect(toJsonSchema(document, { $ref: "#/components/schemas/Qty" })).toEqual({
      type: "integer",
      exclusiveMinimum: 0,
      maximum: 10,
    });
  });
});
