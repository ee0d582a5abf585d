import { describe, expect, it } from "vitest";
import type { CaseResult } from "../run.js";
import { toJunit } from "./junit.js";

const result = (id: string, problems: string[]): CaseResult => ({
  id,
  title: `title of ${id}`,
  passed: problems.length === 0,
  expected: "404 not_found",
  got: problems.length === 0 ? "404 not_found" : '500 <"x">',
  problems,
  durationMs: 12,
});

describe("toJunit", () => {
  it("writes one testcase per case, failures with their problems, escaped", () => {
    const xml = toJunit([result("a", []), result("b", ["body: <html> & \u0000 stuff", "second"])]);
    expect(xml).toContain('<testsuites tests="2" failures="1" time="0.024">');
    expect(xml).toContain('<testcase classname="conformance" name="a: title of a" time="0.012"/>');
    expect(xml).toContain(
      '<failure message="expected 404 not_found, got 500 &lt;&quot;x&quot;&gt;" type="conformance">body: &lt;html&gt; &amp; \uFFFD stuff\nsecond</failure>',
    );
  });
});
