import { bodyCases } from "./body-cases.js";
import { getCases } from "./get-cases.js";
import type { Deriver } from "./openapi-case.js";
import { securityCases } from "./security-cases.js";

/**
 * The checks of the OpenAPI mode, per operation, in report order: a new check is one more
 * deriver here (its file beside the others) and a variant in `test/openapi-variants.ts`.
 */
export const derivers: readonly Deriver[] = [getCases, securityCases, bodyCases];
