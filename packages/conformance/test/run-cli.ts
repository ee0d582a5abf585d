import { execFile } from "node:child_process";
import { join } from "node:path";

// The built CLI (root `npm test` builds before vitest; alone: `npm run build -w @error-contract/conformance`).
const CLI = join(import.meta.dirname, "../dist/cli.js");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI; asynchronous, so that servers in this very process can answer it. */
export function cli(...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({
          code: error === null ? 0 : typeof error.code === "number" ? error.code : null,
          stdout,
          stderr,
        });
      },
    );
  });
}
