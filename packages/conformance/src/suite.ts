import type { ConformanceCase } from "./case.js";
import { turnsOn } from "./case-tags.js";
import { cases } from "./cases/all.js";
import { hostileCases } from "./hostile/cases/all.js";
import type { HostileCase } from "./hostile/hostile-case.js";
import { runHostile, runHostileCase } from "./hostile/run-hostile.js";
import type { OpenApiDocument } from "./openapi/document.js";
import type { OpenApiCase } from "./openapi/openapi-case.js";
import { type OpenApiRunOptions, refusal, runOpenApi } from "./openapi/run-openapi.js";
import { type CaseResult, type RunOptions, runCase, runConformance } from "./run.js";
import type { Target } from "./target.js";

/** What every suite's cases have: an id, a title, a group and tags to select them by. */
export interface SuiteCase {
  readonly id: string;
  readonly title: string;
  readonly group?: string;
  readonly tags?: readonly string[];
}

/**
 * A suite of cases and how to run them: the reference API's, the hostile catalog, or the cases
 * derived from an OpenAPI document. The CLI (`check`, `compare`, `--list`) and the vitest helpers
 * take one.
 */
export interface Suite<Case extends SuiteCase = SuiteCase, SuiteTarget = Target> {
  readonly name: string;
  readonly cases: readonly Case[];
  /** Cases not derived, and why (the OpenAPI suite: no `--allow-writes`, no credentials). */
  readonly leftOut: readonly { readonly id: string; readonly reason: string }[];
  /** Runs the cases the options select, one after another. Never throws for a failing server. */
  run(target: SuiteTarget, options?: RunOptions): Promise<CaseResult[]>;
  /** Runs one case (`options`: the run's, for what they turn on). Never throws. */
  runCase(target: SuiteTarget, testCase: Case, options?: RunOptions): Promise<CaseResult>;
  /** Why a run with these options is refused before anything is sent, if it is. */
  refusal(options: RunOptions): string | undefined;
}

/** The reference API's cases, in process (a fetch-style handler) or over HTTP. */
export const referenceSuite: Suite<ConformanceCase> = {
  name: "reference",
  cases,
  leftOut: [],
  run: runConformance,
  runCase: (target, testCase, options = {}) =>
    runCase(target, testCase, undefined, { wording: turnsOn("wording", options) }),
  refusal: () => undefined,
};

/** The hostile catalog, over raw HTTP/1.1 sockets: a base URL only. */
export const hostileSuite: Suite<HostileCase, string | URL> = {
  name: "hostile",
  cases: hostileCases,
  leftOut: [],
  run: runHostile,
  runCase: (target, testCase) => runHostileCase(target, testCase),
  refusal: () => undefined,
};

/** The cases derived from an OpenAPI document (`deriveCases`), run with its run options. */
export function openApiSuite(
  document: OpenApiDocument,
  derived: {
    readonly cases: readonly OpenApiCase[];
    readonly leftOut?: readonly { id: string; reason: string }[];
  },
  runOptions: Pick<OpenApiRunOptions, "headers" | "maxRequests" | "perSecond"> = {},
): Suite<OpenApiCase> {
  const run = (target: Target, options: RunOptions = {}) =>
    runOpenApi(target, document, derived.cases, { ...options, ...runOptions });
  return {
    name: "openapi",
    cases: derived.cases,
    leftOut: derived.leftOut ?? [],
    run,
    runCase: async (target, testCase, options = {}) => {
      const [result] = await run(target, { ...options, only: [testCase.id] });
      if (result === undefined) throw new Error(`openApiSuite: no case ${testCase.id}`);
      return result;
    },
    refusal: (options) => refusal(derived.cases, { ...options, ...runOptions }),
  };
}
