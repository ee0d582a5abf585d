import { describe, expect, it } from "vitest";
import { isProtocolSwitch } from "./protocol-switch.js";

describe("isProtocolSwitch", () => {
  it("is true for a 101 only", () => {
    expect(isProtocolSwitch({ status: 101 })).toBe(true);
    for (const status of [100, 200, 204, 400, 426, 500]) expect(isProtocolSwitch({ status })).toBe(false);
  });
});
