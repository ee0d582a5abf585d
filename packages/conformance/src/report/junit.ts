import type { CaseResult } from "../run.js";

/** The results as JUnit XML, one testcase per case, for CI test reports. */
export function toJunit(results: readonly CaseResult[], suiteName = "error-contract conformance"): string {
  const failures = results.filter((result) => !result.passed).length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = results.reduce((sum, result) => sum + result.durationMs, 0);
  const testcases = results.map((result) => {
    const open = `  <testcase classname="conformance" name="${xml(`${result.id}: ${result.title}`)}" time="${seconds(result.durationMs)}"`;
    if (result.passed) return `${open}/>`;
    const message = `expected ${result.expected}, got ${result.got}`;
    return [
      `${open}>`,
      `    <failure message="${xml(message)}" type="conformance">${xml(result.problems.join("\n"))}</failure>`,
      "  </testcase>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${results.length}" failures="${failures}" time="${seconds(total)}">`,
    `<testsuite name="${xml(suiteName)}" tests="${results.length}" failures="${failures}" errors="0" skipped="0" time="${seconds(total)}">`,
    ...testcases,
    "</testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}

// Escapes markup, and drops characters XML 1.0 cannot hold (a server's body may contain any).
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
