import { beforeAll, describe, it } from "vitest";
import { hostileCases } from "./hostile/cases/all.js";
import { runHostileCase } from "./hostile/run-hostile.js";
import { formatProblems } from "./report/problems.js";
import { runCase, selectCases } from "./run.js";
import type { Target } from "./target.js";

export interface DescribeConformanceOptions {
  /** Case ids to run (all when left out). */
  only?: readonly string[] | undefined;
  /** Case ids to leave out. */
  skip?: readonly string[] | undefined;
  /** Run only the cases with one of these tags (all when left out). */
  tags?: readonly string[] | undefined;
  /** Leave out the cases with one of these tags (`["faults"]` for a service without the fault routes). */
  skipTags?: readonly string[] | undefined;
}

/**
 * Registers `describe(name)` with one vitest test per conformance case. `getTarget` is awaited
 * once, before the first case: start your server there, or return an in-process handler.
 */
export function describeConformance(
  name: string,
  getTarget: () => Target | Promise<Target>,
  options: DescribeConformanceOptions = {},
): void {
  describe(name, () => {
    let target: Target | undefined;
    beforeAll(async () => {
      target = await getTarget();
    });
    for (const testCase of selectCases(options)) {
      it(`${testCase.id}: ${testCase.title}`, async () => {
        if (target === undefined) throw new Error("describeConformance: getTarget gave no target");
        const result = await runCase(target, testCase);
        if (!result.passed) throw new Error(formatProblems(result));
      });
    }
  });
}

/**
 * Registers `describe(name)` with one vitest test per hostile case, over raw HTTP/1.1:
 * `getBaseUrl` starts the server (or names a running one) and gives its base URL.
 */
export function describeHostile(
  name: string,
  getBaseUrl: () => string | URL | Promise<string | URL>,
  options: DescribeConformanceOptions = {},
): void {
  describe(name, () => {
    let baseUrl: string | URL | undefined;
    beforeAll(async () => {
      baseUrl = await getBaseUrl();
    });
    for (const testCase of selectCases(options, hostileCases)) {
      it(`${testCase.id}: ${testCase.title}`, async () => {
        if (baseUrl === undefined) throw new Error("describeHostile: getBaseUrl gave no URL");
        const result = await runHostileCase(baseUrl, testCase);
        if (!result.passed) throw new Error(formatProblems(result));
      });
    }
  });
}
