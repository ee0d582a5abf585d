import { describe, expect, it } from "vitest";
import { readWebJsonBody } from "./web-json-body.js";

const JSON_TYPE = { "content-type": "application/json" };
const bytes = (text: string) => async () => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe("readWebJsonBody", () => {
  it("parses the bytes of a JSON body", async () => {
    expect(await readWebJsonBody(JSON_TYPE, bytes('{"a":1}'))).toEqual({ a: 1 });
    const request = new Request("http://x/", { method: "POST", body: "[1]", headers: JSON_TYPE });
    expect(await readWebJsonBody(request.headers, () => request.arrayBuffer())).toEqual([1]);
  });

  it("refuses what the headers rule out without reading the body", async () => {
    const read = async () => {
      throw new Error("read");
    };
    await expect(readWebJsonBody({ "content-type": "text/plain" }, read)).rejects.toMatchObject({
      status: 415,
    });
    await expect(readWebJsonBody({ ...JSON_TYPE, "content-length": "0" }, read)).rejects.toMatchObject({
      status: 400,
      message: "The request body is empty",
    });
  });

  it("names broken JSON and bytes that are not UTF-8 core's malformed_json 400", async () => {
    const invalidUtf8 = async () => new Uint8Array([0x22, 0xff, 0x22]);
    for (const read of [bytes("{"), invalidUtf8]) {
      await expect(readWebJsonBody(JSON_TYPE, read)).rejects.toMatchObject({
        status: 400,
        message: "The request body is not valid JSON",
      });
    }
  });
});
