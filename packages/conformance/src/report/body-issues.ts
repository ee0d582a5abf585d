import type { z } from "zod";

/**
 * A problem of an error body against core's schema, in this suite's own words (zod's messages,
 * "Invalid input: expected string, received undefined", are for zod's users): which member,
 * and what is wrong with it.
 */
export function describeBodyIssue(issue: z.core.$ZodIssue, body: unknown): string {
  const path = `body${issue.path.map((key) => `.${String(key)}`).join("")}`;
  const value = valueAt(body, issue.path);
  switch (issue.code) {
    case "unrecognized_keys":
      return `${path}: members the contract does not have: ${issue.keys.join(", ")}`;
    case "invalid_type":
      return value === undefined
        ? `${path}: missing`
        : `${path}: expected ${article(issue.expected)}, got ${kindOf(value)}`;
    case "too_small":
      return typeof value === "string" ? `${path}: empty` : `${path}: below ${String(issue.minimum)}`;
    case "too_big":
      return `${path}: above ${String(issue.maximum)}`;
    case "invalid_format":
      return `${path}: ${JSON.stringify(value)} is not a code (lower-case snake_case)`;
    default:
      return `${path}: not as the contract has it (${JSON.stringify(value) ?? "nothing"})`;
  }
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let current = body;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `${article(typeof value)} (${JSON.stringify(value)})`;
}
