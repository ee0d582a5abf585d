import { describe, expect, it } from "vitest";
import { jsonRequestFailure, parseJsonBody } from "./json-request.js";

const JSON_BODY = { "content-type": "application/json", "content-length": "12" };

describe("jsonRequestFailure", () => {
  it("lets a JSON body in UTF-8 through, with a length or chunked", () => {
    expect(jsonRequestFailure(JSON_BODY)).toBeUndefined();
    expect(
      jsonRequestFailure({ ...JSON_BODY, "content-type": "application/vnd.api+json; charset=UTF-8" }),
    ).toBeUndefined();
    expect(
      jsonRequestFailure(new Headers({ "Content-Type": "application/json", "Transfer-Encoding": "chunked" })),
    ).toBeUndefined();
    expect(jsonRequestFailure({ ...JSON_BODY, "content-encoding": "identity" })).toBeUndefined();
    // Headers that do not tell (a Request built in process): the body, once read, does.
    expect(jsonRequestFailure({ "content-type": "application/json" })).toBeUndefined();
  });

  it.each([
    [{ ...JSON_BODY, "content-encoding": "gzip" }, "unsupported_content_coding"],
    [{ ...JSON_BODY, "content-type": "text/plain" }, "unsupported_media_type"],
    [{ "content-length": "12" }, "unsupported_media_type"],
    [{ ...JSON_BODY, "content-type": "application/json; charset=latin1" }, "unsupported_charset"],
    [{ ...JSON_BODY, "content-type": 'application/json; charset="utf-16"' }, "unsupported_charset"],
    [{ ...JSON_BODY, "content-length": "0" }, "empty_body"],
  ] as const)("%j is %s", (headers, failure) => {
    expect(jsonRequestFailure(headers)).toBe(failure);
  });
});

describe("parseJsonBody", () => {
  it("parses JSON and names an empty or broken body", () => {
    expect(parseJsonBody('{"a":[1]}')).toEqual({ a: [1] });
    expect(() => parseJsonBody("")).toThrow(
      expect.objectContaining({ status: 400, message: "The request body is empty" }),
    );
    for (const text of ["{", "   ", '{"a":}']) {
      expect(() => parseJsonBody(text)).toThrow(
        expect.objectContaining({ status: 400, message: "The request body is not valid JSON" }),
      );
    }
  });

  it("decodes bytes as strict UTF-8: invalid or surrogate bytes are broken JSON, not U+FFFD", () => {
    const bytes = (...values: number[]) => new Uint8Array(values);
    expect(parseJsonBody(new TextEncoder().encode('{"name":"José"}'))).toEqual({ name: "José" });
    expect(() => parseJsonBody(new Uint8Array())).toThrow(expect.objectContaining({ code: "bad_request" }));
    // `{"a":"<ff>"}` and `{"a":"<ed a0 80>"}` (an encoded lone surrogate, not UTF-8)
    for (const body of [
      bytes(0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d),
      bytes(0x22, 0xed, 0xa0, 0x80, 0x22),
    ]) {
      expect(() => parseJsonBody(body)).toThrow(
        expect.objectContaining({ status: 400, message: "The request body is not valid JSON" }),
      );
    }
  });
});
