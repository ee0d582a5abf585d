import type { CaseResult } from "../run.js";

const COLUMNS = [
  { title: "case", width: 44 },
  { title: "expected", width: 40 },
  { title: "got", width: 26 },
  { title: "verdict", width: 7 },
  { title: "first problem", width: 0 },
] as const;
const PROBLEM_WIDTH = 100;
// The case column grows with the ids up to this; a longer id gets a line of its own.
const MAX_ID_WIDTH = 64;

/**
 * The table `check` prints, one row per case as it finishes. Ids are never cut: the case column
 * is as wide as the longest id (up to 64), and a longer id is printed whole on a line of its
 * own, its row on the next line.
 */
export class Table {
  readonly #widths: number[];

  constructor(ids: readonly string[] = []) {
    const longest = Math.max(0, ...ids.map((id) => id.length));
    this.#widths = COLUMNS.map((column) => column.width);
    this.#widths[0] = Math.min(MAX_ID_WIDTH, Math.max(COLUMNS[0].width, longest));
  }

  /** The table's header lines. */
  header(): string {
    const header = this.#row(COLUMNS.map((column) => column.title));
    return `${header}\n${"-".repeat(header.length + 20)}`;
  }

  /** One case's row (two lines when its id is wider than the case column). */
  row(result: CaseResult): string {
    const problem = result.problems[0] ?? "";
    const idWidth = this.#widths[0] as number;
    const wrapped = result.id.length > idWidth;
    const line = this.#row([
      wrapped ? "" : result.id,
      result.expected,
      result.got,
      result.passed ? "PASS" : "FAIL",
      problem.length > PROBLEM_WIDTH ? `${problem.slice(0, PROBLEM_WIDTH - 1)}…` : problem,
    ]);
    return wrapped ? `${result.id}\n${line}` : line;
  }

  #row(cells: readonly string[]): string {
    return cells
      .map((cell, index) => {
        const width = this.#widths[index] ?? 0;
        if (width === 0) return cell;
        return cell.length > width ? `${cell.slice(0, width - 1)}…` : cell.padEnd(width);
      })
      .join(" ")
      .trimEnd();
  }
}

/** The closing line: counts, and the failed ids to re-run with `--only`. */
export function tableSummary(results: readonly CaseResult[]): string {
  const failed = results.filter((result) => !result.passed);
  const counts = `${results.length - failed.length} passed, ${failed.length} failed, ${results.length} cases`;
  return failed.length === 0
    ? counts
    : `${counts}\nfailed: --only ${failed.map((result) => result.id).join(",")}`;
}
