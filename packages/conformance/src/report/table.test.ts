import { describe, expect, it } from "vitest";
import type { CaseResult } from "../run.js";
import { Table } from "./table.js";

const result = (id: string, passed = true): CaseResult => ({
  id,
  title: "",
  passed,
  expected: "404 not_found",
  got: passed ? "404 not_found" : "404",
  problems: passed ? [] : ["error code: expected not_found, got (none)"],
  durationMs: 1,
});

describe("Table", () => {
  it("never cuts an id: the case column follows the longest, up to 64", () => {
    const id = "openapi-enterprise-teams-list-members-no-credentials-x"; // 54 characters
    const table = new Table([id, "short"]);
    expect(table.row(result(id))).toMatch(new RegExp(`^${id} +404 not_found +404 not_found +PASS$`));
    expect(table.header().split("\n")[0]).toMatch(/^case {51}expected/);
  });

  it("gives an id wider than 64 a line of its own, its row under it", () => {
    const id = `openapi-unserved-method-${"enterprises-enterprise-teams-".repeat(3)}memberships-add`;
    const row = new Table([id]).row(result(id, false));
    expect(row.split("\n")).toEqual([
      id,
      expect.stringMatching(/^ {65}404 not_found +404 +FAIL +error code: expected not_found, got \(none\)$/),
    ]);
  });
});
