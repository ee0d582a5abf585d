import type { HostileCase } from "../hostile-case.js";
import { acceptCases } from "./accept.js";
import { bearerCases } from "./bearer.js";
import { bodilessCases } from "./bodiless.js";
import { charsetsCases } from "./charsets.js";
import { codingsCases } from "./codings.js";
import { expectCases } from "./expect.js";
import { framingCases } from "./framing.js";
import { headersCases } from "./headers.js";
import { hostCases } from "./host.js";
import { jsonCases } from "./json.js";
import { methodsCases } from "./methods.js";
import { pathsCases } from "./paths.js";
import { pipeliningCases } from "./pipelining.js";
import { prototypeCases } from "./prototype.js";
import { sizeCases } from "./size.js";

/**
 * The hostile catalog: requests a client may send by mistake or on purpose, over raw HTTP/1.1.
 * One file per group, named after it (`all.test.ts` holds that); a new group is listed here.
 */
export const hostileCases: readonly HostileCase[] = [
  ...jsonCases,
  ...prototypeCases,
  ...sizeCases,
  ...headersCases,
  ...methodsCases,
  ...acceptCases,
  ...framingCases,
  ...pipeliningCases,
  ...expectCases,
  ...hostCases,
  ...codingsCases,
  ...charsetsCases,
  ...pathsCases,
  ...bodilessCases,
  ...bearerCases,
];
