import type { ConformanceCase } from "../case.js";
import { get } from "./requests.js";

const group = "faults";

const THROWN: ReadonlyArray<[kind: string, what: string]> = [
  ["error", "a thrown Error"],
  ["string", "a thrown string"],
  ["null", "a thrown null"],
  ["undefined", "a thrown undefined"],
  ["object", "a thrown plain object"],
  ["async", "a rejection after an await"],
  ["duck", "a plain object with statusCode 502 (not trusted)"],
];

/** GET /faults/:kind: whatever is thrown becomes the contract, and its secret stays inside. */
export const faultCases: readonly ConformanceCase[] = [
  ...THROWN.map(
    ([kind, what]): ConformanceCase => ({
      id: `fault-${kind}`,
      title: `${what} is a generic 500`,
      group,
      request: get(`/faults/${kind}`),
      expect: { status: 500, error: "internal_error" },
    }),
  ),
  {
    id: "fault-native-404",
    title: "the framework's own not-found exception is 404",
    group,
    request: get("/faults/native-404"),
    expect: { status: 404, error: "not_found" },
  },
  {
    id: "fault-native-429",
    title: "the framework's own 429 exception is 429",
    group,
    request: get("/faults/native-429"),
    expect: { status: 429, error: "too_many_requests" },
  },
  {
    id: "fault-unknown-kind",
    title: "an unknown fault kind is 404",
    group,
    request: get("/faults/no-such-kind"),
    expect: { status: 404, error: "not_found" },
  },
];
