import { describe, expect, it } from "vitest";
import { readBearerToken } from "./bearer-credential.js";

describe("readBearerToken", () => {
  it.each([
    ["Bearer user-token", "user-token"],
    ["bearer user-token", "user-token"],
    ["BEARER abc.DEF_~+/09==", "abc.DEF_~+/09=="],
    [["Bearer one"], "one"],
  ])("reads %j", (header, token) => {
    expect(readBearerToken(header)).toBe(token);
  });

  it.each([
    [undefined],
    [null],
    [""],
    ["Bearer"],
    ["Bearer "],
    ["Bearer\tuser-token"],
    ["Bearer  user-token"],
    [" Bearer user-token"],
    ["Bearer user-token "],
    ["Bearer one two"],
    ["Basic dXNlcjpwYXNz"],
    ["Bearer user-token, Bearer admin-token"],
    [["Bearer user-token", "Bearer admin-token"]],
    [[]],
    ["Bearer =abc"],
    ["Bearer abc=def"],
    ["Bearer user\u00e9"],
    ["Bearertoken"],
  ])("finds no Bearer credential in %j", (header) => {
    expect(readBearerToken(header)).toBeUndefined();
  });
});
