import { describe, expect, it } from "vitest";
import { fromBodyParserError, readJsonBody } from "./node-body.js";
import { REQUEST_BODY_ERRORS, type RequestBodyFailure } from "./request-body-errors.js";

const JSON_TYPE = { "content-type": "application/json" };
const bytes = (...parts: string[]) =>
  (async function* () {
    for (const part of parts) yield new TextEncoder().encode(part);
  })();

async function failureOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (Object.keys(REQUEST_BODY_ERRORS) as RequestBodyFailure[]).find(
      (name) => REQUEST_BODY_ERRORS[name].message === (error as Error).message,
    );
  }
}

describe("readJsonBody", () => {
  it("reads a body in chunks, multi-byte characters split across them", async () => {
    const euro = new TextEncoder().encode('{"a":"€"}');
    const split = (async function* () {
      yield euro.slice(0, 7);
      yield euro.slice(7);
    })();
    expect(await readJsonBody(JSON_TYPE, split, 100)).toEqual({ a: "€" });
  });

  it.each([
    [{ ...JSON_TYPE, "content-length": "500" }, bytes("{}"), "too_large"],
    [JSON_TYPE, bytes("{", '"a":"', "x".repeat(200), '"}'), "too_large"],
    [{ ...JSON_TYPE, "content-encoding": "br" }, bytes("{}"), "unsupported_content_coding"],
    [{ "content-type": "application/json; charset=utf-16" }, bytes("{}"), "unsupported_charset"],
    [JSON_TYPE, bytes('{"a":'), "malformed_json"],
  ] as const)("refuses %j as %s", async (headers, body, failure) => {
    expect(await failureOf(readJsonBody(headers, body, 100))).toBe(failure);
  });

  it("names bytes that are not UTF-8 broken JSON, even split across chunks", async () => {
    const latin1 = (async function* () {
      yield new TextEncoder().encode('{"name":"Jos');
      yield new Uint8Array([0xe9, 0x22, 0x7d]); // "é" in ISO-8859-1, then `"}`
    })();
    expect(await failureOf(readJsonBody(JSON_TYPE, latin1, 100))).toBe("malformed_json");
  });

  it("gives no body as undefined, for a bodiless route to ignore", async () => {
    expect(await readJsonBody({ ...JSON_TYPE, "content-length": "0" }, bytes(), 100)).toBeUndefined();
  });

  it("names a body the client cut off", async () => {
    const cut = (async function* () {
      yield new TextEncoder().encode("{");
      throw Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    })();
    expect(await failureOf(readJsonBody(JSON_TYPE, cut, 100))).toBe("client_closed");
  });
});

describe("fromBodyParserError", () => {
  const parserError = (type: string) =>
    Object.assign(new Error("Unexpected token S3CRET"), { type, expose: true });

  it.each([
    ["entity.parse.failed", 400, "The request body is not valid JSON"],
    ["entity.too.large", 413, "The request body is too large"],
    ["charset.unsupported", 415, "The request body must be UTF-8"],
    ["encoding.unsupported", 415, "The request body must not be content-coded"],
    ["request.aborted", 400, "The client closed the request"],
    ["request.size.invalid", 400, "Bad request"],
  ])("maps %s onto core's words", (type, status, message) => {
    expect(fromBodyParserError(parserError(type))).toMatchObject({ status, message });
  });

  it("leaves everything else alone, prototype keys included", () => {
    expect(fromBodyParserError(new Error("x"))).toBeUndefined();
    expect(fromBodyParserError({ type: "entity.parse.failed", expose: true })).toBeUndefined();
    expect(
      fromBodyParserError(Object.assign(new Error("x"), { type: "toString", expose: true })),
    ).toMatchObject({
      status: 400,
      message: "Bad request",
    });
  });
});
