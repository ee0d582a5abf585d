import type { CaseResult } from "../run.js";

const COLUMNS = [
  { title: "case", width: 44 },
  { title: "expected", width: 40 },
  { title: "got", width: 26 },
  { title: "verdict", width: 7 },
  { title: "first problem", width: 0 },
] as const;
const PROBLEM_WIDTH = 100;

/** The table's header lines. */
export function tableHeader(): string {
  const header = row(COLUMNS.map((column) => column.title));
  return `${header}\n${"-".repeat(header.length + 20)}`;
}

/** One line per case, printed as soon as the case is done. */
export function tableRow(result: CaseResult): string {
  const problem = result.problems[0] ?? "";
  return row([
    result.id,
    result.expected,
    result.got,
    result.passed ? "PASS" : "FAIL",
    problem.length > PROBLEM_WIDTH ? `${problem.slice(0, PROBLEM_WIDTH - 1)}…` : problem,
  ]);
}

/** The closing line: counts, and the failed ids to re-run with `--only`. */
export function tableSummary(results: readonly CaseResult[]): string {
  const failed = results.filter((result) => !result.passed);
  const counts = `${results.length - failed.length} passed, ${failed.length} failed, ${results.length} cases`;
  return failed.length === 0
    ? counts
    : `${counts}\nfailed: --only ${failed.map((result) => result.id).join(",")}`;
}

function row(cells: readonly string[]): string {
  return cells
    .map((cell, index) => {
      const width = COLUMNS[index]?.width ?? 0;
      if (width === 0) return cell;
      return cell.length > width ? `${cell.slice(0, width - 1)}…` : cell.padEnd(width);
    })
    .join(" ")
    .trimEnd();
}
