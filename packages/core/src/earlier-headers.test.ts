import { describe, expect, it } from "vitest";
import { keepEarlierHeaders } from "./earlier-headers.js";

const ANSWER = { "Content-Type": "application/json", "Cache-Control": "no-store", "X-Request-Id": "abc" };

describe("keepEarlierHeaders", () => {
  it("keeps Access-Control-* and drops everything else the failed response had", () => {
    const earlier = new Headers({
      "Access-Control-Allow-Origin": "https://app.example",
      "Access-Control-Expose-Headers": "X-Request-Id",
      "Content-Encoding": "gzip",
      ETag: '"other-resource"',
      Location: "/users/usr_gone",
      "Set-Cookie": "session=1",
      "Content-Type": "text/html",
    });
    expect(keepEarlierHeaders({ ...ANSWER }, earlier)).toEqual({
      "access-control-allow-origin": "https://app.example",
      "access-control-expose-headers": "X-Request-Id",
      ...ANSWER,
    });
  });

  it("merges an earlier Vary with the answer's own instead of replacing it", () => {
    const merged = keepEarlierHeaders({ ...ANSWER, Vary: "Accept" }, { vary: "Origin" });
    expect(merged.Vary).toBe("Origin, Accept");
    expect(keepEarlierHeaders({ ...ANSWER, Vary: "Accept" }, { vary: "accept, Origin" }).Vary).toBe(
      "accept, Origin",
    );
    expect(keepEarlierHeaders({ ...ANSWER }, [["Vary", "Origin"]]).Vary).toBe("Origin");
    expect(keepEarlierHeaders({ ...ANSWER, Vary: "Accept" }, { vary: "*" }).Vary).toBe("*");
  });

  it("reads Node's getHeaders() record, arrays and numbers included", () => {
    const merged = keepEarlierHeaders(
      { ...ANSWER },
      { "access-control-max-age": 600, vary: ["Origin", "Accept-Encoding"], "content-length": 12 },
    );
    expect(merged).toEqual({
      "access-control-max-age": "600",
      ...ANSWER,
      Vary: "Origin, Accept-Encoding",
    });
  });

  it("never lets an earlier header replace one of the answer's", () => {
    const merged = keepEarlierHeaders(
      { ...ANSWER },
      { "content-type": "text/plain", "x-request-id": "stale" },
    );
    expect(merged).toEqual(ANSWER);
  });

  it("answers with the answer's headers alone when the earlier ones cannot be read", () => {
    const hostile = {
      [Symbol.iterator]() {
        throw new Error("no");
      },
    } as unknown as Headers;
    expect(keepEarlierHeaders({ ...ANSWER }, hostile)).toEqual(ANSWER);
    expect(keepEarlierHeaders({ ...ANSWER }, undefined)).toEqual(ANSWER);
  });
});
