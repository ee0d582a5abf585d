import { beforeAll, describe, it } from "vitest";
import { formatProblems } from "./report/problems.js";
import { runCase, selectCases } from "./run.js";
import type { Target } from "./target.js";

export interface DescribeConformanceOptions {
  /** Case ids to run (all when left out). */
  only?: readonly string[] | undefined;
  /** Case ids to leave out. */
  skip?: readonly string[] | undefined;
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
