import { codeForStatus, type ErrorStatus } from "@error-contract/core";
import { describe, expect, it } from "vitest";
import { genericCode } from "./generic-codes.js";

describe("genericCode", () => {
  it("is core's status table, for every status 400–599", () => {
    for (let status = 400; status <= 599; status++) {
      expect(genericCode(status), String(status)).toBe(codeForStatus(status as ErrorStatus));
    }
  });
});
