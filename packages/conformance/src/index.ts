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
export {
  type Comparison,
  compareServices,
  type Difference,
  type Observation,
  observe,
  type SuiteRunner,
} from "./compare.js";
export { type ExpectedError, expectErrorContract } from "./expect-error-contract.js";
export { hostileCases } from "./hostile/cases/all.js";
export type { HostileCase, HostileExpectation } from "./hostile/hostile-case.js";
export { runHostile, runHostileCase } from "./hostile/run-hostile.js";
export { deriveCases } from "./openapi/derive-cases.js";
export type { OpenApiDocument } from "./openapi/document.js";
export { asDocument, loadDocument } from "./openapi/load-document.js";
export type { Derived, DeriveOptions, Deriver, OpenApiCase } from "./openapi/openapi-case.js";
export { type OpenApiRunOptions, runOpenApi } from "./openapi/run-openapi.js";
export {
  type CaseResult,
  type ResponseObserver,
  type RunOptions,
  runCase,
  runConformance,
} from "./run.js";
export { type Exit, type Service, type StartServiceOptions, startService } from "./start-service.js";
export { hostileSuite, openApiSuite, referenceSuite, type Suite, type SuiteCase } from "./suite.js";
export type { HttpResult, Target } from "./target.js";
