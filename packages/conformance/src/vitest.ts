import { beforeAll, describe, it } from "vitest";
import { formatProblems } from "./report/problems.js";
import { selectCases } from "./run.js";
import { hostileSuite, referenceSuite, type Suite, type SuiteCase } from "./suite.js";
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
  /** Turn on cases that are off by default: `["wording"]`, the toolkit's own wording of errors. */
  withTags?: readonly string[] | undefined;
}

/**
 * Registers `describe(name)` with one vitest test per case of a suite (`referenceSuite`,
 * `hostileSuite`, `openApiSuite(…)`). `getTarget` is awaited once, before the first case.
 */
export function describeSuite<Case extends SuiteCase, SuiteTarget>(
  name: string,
  suite: Suite<Case, SuiteTarget>,
  getTarget: () => SuiteTarget | Promise<SuiteTarget>,
  options: DescribeConformanceOptions = {},
): void {
  describe(name, () => {
    let target: SuiteTarget | undefined;
    beforeAll(async () => {
      target = await getTarget();
    });
    for (const testCase of selectCases(options, suite.cases)) {
      it(`${testCase.id}: ${testCase.title}`, async () => {
        if (target === undefined) throw new Error(`${name}: getTarget gave no target`);
        const result = await suite.runCase(target, testCase, options);
        if (!result.passed) throw new Error(formatProblems(result));
      });
    }
  });
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
  describeSuite(name, referenceSuite, getTarget, options);
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
  describeSuite(name, hostileSuite, getBaseUrl, options);
}
