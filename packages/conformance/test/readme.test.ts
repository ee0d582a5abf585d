import { readFileSync, writeFileSync } from "node:fs";
import { expect, it } from "vitest";
import { cases, hostileCases } from "../src/index.js";
import { casesTable, hostileTable } from "./cases-table.js";

const README = new URL("../README.md", import.meta.url);

// `UPDATE_README=1 npx vitest run --project conformance test/readme` rewrites the tables.
it.each([
  ["cases", () => casesTable(cases)],
  ["hostile", () => hostileTable(hostileCases)],
])("the README's table of %s matches the cases", (marker, table) => {
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const readme = readFileSync(README, "utf8");
  const [before, rest = ""] = readme.split(start);
  const after = rest.split(end)[1] ?? "";
  if (process.env.UPDATE_README === "1")
    writeFileSync(README, `${before}${start}\n${table()}\n${end}${after}`);
  else expect(rest.split(end)[0]?.trim()).toBe(table());
});
