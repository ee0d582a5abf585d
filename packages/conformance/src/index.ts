export type {
  BodyRule,
  CaseRequest,
  ConformanceCase,
  Expectation,
  HeaderRule,
  RequestBody,
  SetupStep,
} from "./case.js";
export { cases } from "./cases/all.js";
export { type CheckContext, checkResponse, FAULT_SECRET } from "./check-response.js";
export { type ExpectedError, expectErrorContract } from "./expect-error-contract.js";
export { hostileCases } from "./hostile/cases/all.js";
export type { HostileCase, HostileExpectation } from "./hostile/hostile-case.js";
export { runHostile, runHostileCase } from "./hostile/run-hostile.js";
export { type CaseResult, type RunOptions, runCase, runConformance } from "./run.js";
export type { HttpResult, Target } from "./target.js";
