import { STRONG_PASSWORD } from "../../cases/requests.js";
import type { HostileCase } from "../hostile-case.js";
import { postJson } from "../raw-request.js";

// Members smuggled through `__proto__` or `constructor.prototype` count for nothing: a 400 (the
// body misses email and password, or the parser refuses such keys), and afterwards `{}` still
// misses both (no prototype was polluted).
export const prototypeCases: readonly HostileCase[] = [
  {
    id: "hostile-proto-key",
    title: "the registration hidden under __proto__",
    group: "prototype",
    method: "POST",
    bytes: (v) =>
      postJson(`{"__proto__":{"email":"${v.email}","password":"${STRONG_PASSWORD}","polluted":true}}`),
    expect: { status: [400] },
    probe: "pollution",
  },
  {
    id: "hostile-constructor-prototype",
    title: "the registration hidden under constructor.prototype",
    group: "prototype",
    method: "POST",
    bytes: (v) =>
      postJson(
        `{"constructor":{"prototype":{"email":"${v.email}","password":"${STRONG_PASSWORD}","polluted":true}}}`,
      ),
    expect: { status: [400] },
    probe: "pollution",
  },
  {
    id: "hostile-proto-in-name",
    title: "a name that is an object with __proto__",
    group: "prototype",
    method: "POST",
    bytes: (v) =>
      postJson(
        `{"email":"${v.email}","password":"${STRONG_PASSWORD}","name":{"__proto__":{"polluted":true}}}`,
      ),
    expect: { status: [400] },
    probe: "pollution",
  },
];
