import type { ConformanceCase } from "../case.js";
import { get, register } from "./requests.js";

const group = "problem-json";
const PROBLEM = { accept: "application/problem+json" } as const;
const MISSING = "/no-such-route-{{suffix}}";

/** Negotiated rendering: RFC 9457 only when Accept prefers it strictly over application/json. */
export const problemJsonCases: readonly ConformanceCase[] = [
  {
    id: "problem-json-validation",
    title: "a 422 for a client preferring problem+json is a problem document",
    group,
    request: register({ email: "{{email}}", password: "short" }, PROBLEM),
    expect: { status: 422, error: "validation_failed", fields: ["password"], format: "problem+json" },
  },
  {
    id: "problem-json-not-found",
    title: "problem+json preferred by q: a 404 problem document",
    group,
    request: get(MISSING, { accept: "application/problem+json, application/json;q=0.5" }),
    expect: { status: 404, error: "not_found", format: "problem+json" },
  },
  {
    id: "problem-json-server-error",
    title: "a 500 problem document has the generic detail",
    group,
    request: get("/faults/error", PROBLEM),
    expect: { status: 500, error: "internal_error", format: "problem+json" },
  },
  {
    id: "problem-json-any",
    title: "Accept: */* gets the default JSON body",
    group,
    request: get(MISSING, { accept: "*/*" }),
    expect: { status: 404, error: "not_found", format: "json" },
  },
  {
    id: "problem-json-equal-preference",
    title: "equal preference gets the default JSON body",
    group,
    request: get(MISSING, { accept: "application/problem+json, application/json" }),
    expect: { status: 404, error: "not_found", format: "json" },
  },
  {
    id: "problem-json-json-preferred",
    title: "application/json preferred gets the default JSON body",
    group,
    request: get(MISSING, { accept: "application/problem+json;q=0.5, application/json" }),
    expect: { status: 404, error: "not_found", format: "json" },
  },
  {
    id: "problem-json-429-title",
    title: 'a 429 problem document is titled "Too Many Requests"',
    group,
    request: get("/faults/native-429", { accept: "application/problem+json" }),
    expect: { status: 429, error: "too_many_requests", format: "problem+json" },
  },
];
