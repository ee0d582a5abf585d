import type { HostileCase } from "../hostile-case.js";
import { bytes, head } from "../raw-request.js";

const EITHER = ["json", "problem+json"] as const;

// Odd Accept values never turn an error into a 406 or a 5xx; the rendering is one of the two.
const accept = (
  id: string,
  value: string,
  formats: HostileCase["expect"]["formats"] = ["json"],
): HostileCase => ({
  id: `hostile-accept-${id}`,
  title: `Accept: ${value.length > 40 ? `${value.slice(0, 40)}… (${value.length} characters)` : value || "(empty)"}`,
  group: "accept",
  method: "GET",
  bytes: (v) => bytes(head("GET", `/no-such-route-${v.suffix}`, { Accept: value })),
  expect: { status: [404], formats },
});

export const acceptCases: readonly HostileCase[] = [
  accept("html", "text/html"),
  accept("empty", ""),
  accept("nothing-acceptable", "*/*;q=0"),
  accept("bad-q", "application/problem+json;q=abc, application/json;q=-1", EITHER),
  accept("garbage", ",,;;==;q=;/", EITHER),
  accept(
    "long-list",
    Array.from({ length: 400 }, (_, i) => `application/x-${i};q=0.${i % 10}`).join(", "),
    EITHER,
  ),
];
