import { describe, expect, it } from "vitest";
import { isJsonContentType } from "./media-type.js";

describe("isJsonContentType", () => {
  it.each([
    "application/json",
    "application/json; charset=utf-8",
    "Application/JSON",
    "application/merge-patch+json",
  ])("accepts %j", (value) => expect(isJsonContentType(value)).toBe(true));

  it.each([
    undefined,
    null,
    "",
    "text/plain",
    "application/jsonx",
    "text/json",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "json",
  ])("refuses %j", (value) => expect(isJsonContentType(value)).toBe(false));
});
