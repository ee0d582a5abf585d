import type { ConformanceCase } from "../case.js";
import { bearerGrammarCases } from "./bearer-grammar.js";
import { bodyErrorWordingCases } from "./body-error-wording.js";
import { deleteUserCases } from "./delete-user.js";
import { exactPathCases } from "./exact-paths.js";
import { faultCases } from "./faults.js";
import { meCases } from "./me.js";
import { mediaTypeAndSizeCases } from "./media-type-and-size.js";
import { openApiDocumentCases } from "./openapi-document.js";
import { problemJsonCases } from "./problem-json.js";
import { registrationCases } from "./registration.js";
import { requestBodyRuleCases } from "./request-bodies.js";
import { requestBodyCases } from "./request-body.js";
import { routingCases } from "./routing.js";
import { storeReadCases } from "./store-reads.js";
import { traceIdCases } from "./trace-id.js";
import { userCases } from "./users.js";

/** Every case of the reference API, in report order. */
export const cases: readonly ConformanceCase[] = [
  ...registrationCases,
  ...requestBodyCases,
  ...mediaTypeAndSizeCases,
  ...userCases,
  ...meCases,
  ...deleteUserCases,
  ...faultCases,
  ...routingCases,
  ...exactPathCases,
  ...bearerGrammarCases,
  ...requestBodyRuleCases,
  ...bodyErrorWordingCases,
  ...storeReadCases,
  ...traceIdCases,
  ...problemJsonCases,
  ...openApiDocumentCases,
];
