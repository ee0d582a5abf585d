import { describe, expect, it } from "vitest";
import { cases } from "./all.js";

describe("cases", () => {
  it("have unique kebab-case ids", () => {
    const ids = cases.map((testCase) => testCase.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});
