import { describe, expect, it } from "vitest";
import { fromPlatformError } from "./platform-errors.js";

// The shapes body-parser (through http-errors) and Fastify (through @fastify/error) give their errors.
const bodyParserError = (type: string, status: number) =>
  Object.assign(new Error("parser text that may quote the body"), {
    type,
    status,
    statusCode: status,
    expose: true,
  });
const fastifyError = (code: string, statusCode: number) =>
  Object.assign(new Error("fastify text"), { name: "FastifyError", code, statusCode });

describe("fromPlatformError", () => {
  it.each([
    ["entity.parse.failed", 400, 400],
    ["entity.too.large", 413, 413],
    ["charset.unsupported", 415, 415],
    ["encoding.unsupported", 415, 415],
    ["request.aborted", 400, 400],
    ["request.size.invalid", 400, 400],
    ["parameters.too.many", 413, 400],
  ])("maps body-parser's %s to %i", (type, status, expected) => {
    const error = fromPlatformError(bodyParserError(type, status));
    expect(error?.status).toBe(expected);
    expect(error?.message).not.toContain("quote the body");
  });

  it.each([
    ["entity.too.large", bodyParserError("entity.too.large", 413)],
    ["FST_ERR_CTP_BODY_TOO_LARGE", fastifyError("FST_ERR_CTP_BODY_TOO_LARGE", 413)],
  ])("closes the connection after %s: the body was not read to its end", (_name, error) => {
    expect(fromPlatformError(error)?.headers).toEqual({ Connection: "close" });
  });

  it.each([
    ["FST_ERR_CTP_INVALID_JSON_BODY", 400],
    ["FST_ERR_CTP_EMPTY_JSON_BODY", 400],
    ["FST_ERR_CTP_INVALID_CONTENT_LENGTH", 400],
    ["FST_ERR_CTP_BODY_TOO_LARGE", 413],
    ["FST_ERR_CTP_INVALID_MEDIA_TYPE", 415],
  ])("maps Fastify's %s to %i", (code, status) => {
    expect(fromPlatformError(fastifyError(code, status))?.status).toBe(status);
  });

  it("leaves everything else to core (a 500)", () => {
    expect(fromPlatformError({ type: "entity.too.large", expose: true, status: 413 })).toBeUndefined();
    expect(
      fromPlatformError(Object.assign(new Error("x"), { type: "stream.not.readable", expose: false })),
    ).toBeUndefined();
    expect(fromPlatformError(fastifyError("FST_ERR_SOMETHING_ELSE", 418))).toBeUndefined();
    expect(
      fromPlatformError(Object.assign(new Error("x"), { code: "FST_ERR_CTP_BODY_TOO_LARGE" })),
    ).toBeUndefined();
    expect(fromPlatformError("entity.parse.failed")).toBeUndefined();
    expect(fromPlatformError(fastifyError("constructor", 400))).toBeUndefined();
    expect(fromPlatformError(bodyParserError("toString", 400))?.status).toBe(400);
  });
});
