import { readFileSync, writeFileSync } from "node:fs";
import { expect, it } from "vitest";
import { cases } from "../src/index.js";
import { casesTable } from "./cases-table.js";

const README = new URL("../README.md", import.meta.url);
const START = "<!-- cases:start -->";
const END = "<!-- cases:end -->";

// `UPDATE_README=1 npx vitest run --project conformance test/readme` rewrites the table.
it("the README's table of cases matches the cases", () => {
  const readme = readFileSync(README, "utf8");
  const [before, rest = ""] = readme.split(START);
  const after = rest.split(END)[1] ?? "";
  const table = casesTable(cases);
  if (process.env.UPDATE_README === "1") writeFileSync(README, `${before}${START}\n${table}\n${END}${after}`);
  else expect(rest.split(END)[0]?.trim()).toBe(table);
});
