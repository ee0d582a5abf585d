import type { HostileCase } from "../hostile-case.js";
import { acceptCases } from "./accept.js";
import { bodySizeCases } from "./body-size.js";
import { headerAndMethodCases } from "./headers-and-methods.js";
import { httpEdgeCases } from "./http-edge.js";
import { jsonBodyCases } from "./json-bodies.js";
import { prototypeKeyCases } from "./prototype-keys.js";

/** The hostile catalog: requests a client may send by mistake or on purpose, over raw HTTP/1.1. */
export const hostileCases: readonly HostileCase[] = [
  ...jsonBodyCases,
  ...prototypeKeyCases,
  ...bodySizeCases,
  ...headerAndMethodCases,
  ...acceptCases,
  ...httpEdgeCases,
];
