import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Service, startService } from "../src/index.js";
import { cli } from "./run-cli.js";

const SERVER = join(import.meta.dirname, "python-reference", "reference_api.py");

interface Report {
  total: number;
  passed: number;
  failed: number;
  results: { id: string; passed: boolean; problems?: string[] }[];
}

async function check(url: string, ...args: string[]): Promise<Report> {
  const run = await cli("check", url, ...args, "--json");
  const report = JSON.parse(run.stdout) as Report;
  const failed = report.results.filter((result) => !result.passed);
  expect(failed).toEqual([]);
  expect(run.code).toBe(0);
  return report;
}

// Issue #27's last "Done when": a sound implementation of reference API 1.2 in another language
// (Python's standard library, its own HTTP/1.1 parsing) passes both suites with their defaults.
describe("the reference API in Python (standard library only)", () => {
  let service: Service;
  beforeAll(async () => {
    service = await startService({ command: "python3", args: [SERVER] });
  });
  afterAll(() => service?.stop());

  it("passes check with its defaults", async () => {
    const report = await check(service.url);
    console.log(`check: ${report.passed} passed, ${report.failed} failed, ${report.total} cases`);
    expect(report.passed).toBe(report.total);
    expect(report.total).toBeGreaterThan(100);
  }, 120_000);

  it("passes check --suite hostile with its defaults", async () => {
    const report = await check(service.url, "--suite", "hostile");
    console.log(
      `check --suite hostile: ${report.passed} passed, ${report.failed} failed, ${report.total} cases`,
    );
    expect(report.passed).toBe(report.total);
    expect(report.total).toBeGreaterThan(50);
  }, 120_000);
});
