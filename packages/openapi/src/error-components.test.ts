import {
  defineErrors,
  ErrorBody,
  type ErrorStatus,
  genericCodes,
  ProblemBody,
  reasonPhrase,
} from "@error-contract/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { codesForStatus, errorComponents, responseName } from "./error-components.js";

const errors = defineErrors({
  email_taken: { status: 409, message: "Email already registered" },
  teapot: { status: 418, message: "I am a teapot" },
});

describe("errorComponents", () => {
  const components = errorComponents({ catalog: errors });

  it("takes ErrorBody and ProblemBody from core's zod schemas, not from a copy", () => {
    const { $schema: _a, ...errorBody } = z.toJSONSchema(ErrorBody) as Record<string, unknown>;
    const { $schema: _b, ...problemBody } = z.toJSONSchema(ProblemBody) as Record<string, unknown>;
    expect(components.schemas.ErrorBody).toEqual({ description: expect.any(String), ...errorBody });
    expect(components.schemas.ProblemBody).toEqual({ description: expect.any(String), ...problemBody });
    expect(components.schemas.ErrorBody).not.toHaveProperty("$schema");
  });

  it("has one response per generic status, plus the catalog's own statuses", () => {
    const statuses: ErrorStatus[] = [...genericCodes().map(({ status }) => status), 418];
    expect(Object.keys(components.responses).sort()).toEqual(statuses.map(responseName).sort());
    expect(responseName(413)).toBe("ContentTooLarge");
    expect(responseName(422)).toBe("UnprocessableContent");
  });

  it("lists the catalog's codes in the error enum of their status", () => {
    expect(codesForStatus(409, errors)).toEqual(["conflict", "email_taken"]);
    expect(codesForStatus(418, errors)).toEqual(["client_error", "teapot"]);
    expect(codesForStatus(404, errors)).toEqual(["not_found"]);
    const conflict = components.responses.Conflict;
    expect(conflict?.content?.["application/json"]?.schema).toEqual({
      allOf: [
        { $ref: "#/components/schemas/ErrorBody" },
        { type: "object", properties: { error: { enum: ["conflict", "email_taken"] } } },
      ],
    });
    expect(conflict?.content?.["application/problem+json"]?.schema).toEqual({
      allOf: [
        { $ref: "#/components/schemas/ProblemBody" },
        {
          type: "object",
          properties: {
            title: { const: reasonPhrase(409) },
            status: { const: 409 },
            error: { enum: ["conflict", "email_taken"] },
          },
        },
      ],
    });
  });

  it("fixes the generic message on 5xx", () => {
    const schema = components.responses.InternalServerError?.content?.["application/json"]?.schema;
    expect(schema).toMatchObject({
      allOf: [{}, { properties: { message: { const: "Internal server error" } } }],
    });
  });

  it("gives each status its headers: X-Request-Id and Cache-Control always, and the status's own", () => {
    const headersOf = (name: string) => Object.keys(components.responses[name]?.headers ?? {});
    expect(headersOf("NotFound")).toEqual(["X-Request-Id", "Cache-Control"]);
    expect(headersOf("Unauthorized")).toEqual(["X-Request-Id", "Cache-Control", "WWW-Authenticate"]);
    expect(headersOf("MethodNotAllowed")).toEqual(["X-Request-Id", "Cache-Control", "Allow"]);
    expect(headersOf("TooManyRequests")).toEqual(["X-Request-Id", "Cache-Control", "Retry-After"]);
    expect(headersOf("ServiceUnavailable")).toEqual(["X-Request-Id", "Cache-Control", "Retry-After"]);
    expect(headersOf("UnsupportedMediaType")).toEqual(["X-Request-Id", "Cache-Control", "Accept-Encoding"]);
    for (const name of Object.keys(components.responses)) {
      expect(Object.keys(components.responses[name]?.content ?? {})).toEqual([
        "application/json",
        "application/problem+json",
      ]);
    }
    expect(components.headers["Retry-After"]?.required).toBeUndefined();
    expect(components.headers["WWW-Authenticate"]?.required).toBe(true);
  });
});
