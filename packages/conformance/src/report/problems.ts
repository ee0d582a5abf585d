import type { CaseResult } from "../run.js";

/** A failed case as a readable block: what was expected, what came, every problem. */
export function formatProblems(result: CaseResult): string {
  return [
    `${result.id}: expected ${result.expected}, got ${result.got}`,
    ...result.problems.map((problem) => `  - ${problem}`),
  ].join("\n");
}
