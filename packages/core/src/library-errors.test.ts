import { describe, expect, it } from "vitest";
import { createErrorPath } from "./error-path.js";
import { conflict } from "./factories.js";
import { recogniseLibraryError } from "./library-errors.js";

// @fastify/error's shape: a class named FastifyError with `code` and `statusCode`.
function fastifyError(code: string, statusCode: number, message: string): Error {
  return Object.assign(new Error(message), { name: "FastifyError", code, statusCode });
}

describe("recogniseLibraryError", () => {
  it("words Fastify's named errors in core's words, never the path or Fastify's text", () => {
    const badUrl = recogniseLibraryError(
      fastifyError("FST_ERR_BAD_URL", 400, "'/a%zz' is not a valid url component"),
    );
    expect(badUrl).toMatchObject({ status: 400, message: "The request path is not valid percent-encoding" });
    expect(recogniseLibraryError(fastifyError("FST_ERR_CTP_BODY_TOO_LARGE", 413, "x"))).toMatchObject({
      status: 413,
      code: "payload_too_large",
    });
    expect(recogniseLibraryError(fastifyError("FST_ERR_CTP_EMPTY_JSON_BODY", 400, "x"))?.status).toBe(400);
  });

  it("keeps the status of any other FastifyError and of Fastify's validation error", () => {
    expect(recogniseLibraryError(fastifyError("FST_ERR_NOT_FOUND", 404, "Not Found"))).toMatchObject({
      status: 404,
      code: "not_found",
    });
    const validation = Object.assign(new Error("body must be object"), {
      code: "FST_ERR_VALIDATION",
      statusCode: 400,
    });
    expect(recogniseLibraryError(validation)).toMatchObject({ status: 400, message: "body must be object" });
  });

  it("trusts no bare status: a plain Error or object with statusCode is not recognised", () => {
    expect(
      recogniseLibraryError(Object.assign(new Error("upstream"), { statusCode: 404, code: "E_UP" })),
    ).toBeUndefined();
    expect(
      recogniseLibraryError({ name: "FastifyError", code: "FST_ERR_BAD_URL", statusCode: 400 }),
    ).toBeUndefined();
    expect(recogniseLibraryError("FST_ERR_BAD_URL")).toBeUndefined();
  });

  it("is asked by every error path after the adapter's recogniser", () => {
    const path = createErrorPath();
    expect(
      path.answer(fastifyError("FST_ERR_NOT_FOUND", 404, "x"), { method: "GET", path: "/" }).status,
    ).toBe(404);
    const adapterFirst = createErrorPath({}, () => conflict());
    expect(
      adapterFirst.answer(fastifyError("FST_ERR_NOT_FOUND", 404, "x"), { method: "GET", path: "/" }).status,
    ).toBe(409);
  });
});
