import type { ConformanceCase } from "../case.js";
import { bearerCases } from "./bearer.js";
import { bodiesCases } from "./bodies.js";
import { bodyWordingCases } from "./body-wording.js";
import { deleteCases } from "./delete.js";
import { faultCases } from "./faults.js";
import { meCases } from "./me.js";
import { openapiCases } from "./openapi.js";
import { pathsCases } from "./paths.js";
import { problemJsonCases } from "./problem-json.js";
import { registerCases } from "./register.js";
import { registerBodyCases } from "./register-body.js";
import { registerTransportCases } from "./register-transport.js";
import { routingCases } from "./routing.js";
import { storeCases } from "./store.js";
import { traceIdCases } from "./trace-id.js";
import { userCases } from "./users.js";

/**
 * Every case of the reference API, in report order. One file per group, named after it
 * (`all.test.ts` holds that); a new group is listed here, a new case goes into its group's file.
 */
export const cases: readonly ConformanceCase[] = [
  ...registerCases,
  ...registerBodyCases,
  ...registerTransportCases,
  ...userCases,
  ...meCases,
  ...deleteCases,
  ...faultCases,
  ...routingCases,
  ...pathsCases,
  ...bearerCases,
  ...bodiesCases,
  ...bodyWordingCases,
  ...storeCases,
  ...traceIdCases,
  ...problemJsonCases,
  ...openapiCases,
];
