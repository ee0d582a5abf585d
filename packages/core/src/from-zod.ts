import type { core } from "zod";
import { ApiError } from "./api-error.js";

export type ZodIssue = core.$ZodIssue;

/** Whether an issue is about structure (400) or a rule (422). */
export type IssueKind = "structure" | "rule";

export interface FromZodOptions {
  /** The validated input: lets a missing field be told from a present one of the wrong type. */
  input?: unknown;
  /** Overrides the default policy for the issues it answers for. */
  classify?: (issue: ZodIssue) => IssueKind | undefined;
}

const MAX_PATHS_IN_MESSAGE = 5;
const SAFE_SEGMENT = /^[A-Za-z0-9_$-]{1,64}$/;

/**
 * zod issues to the contract: any structural issue (missing field, wrong type, not an object,
 * no matching union member, unknown keys of a strict object) makes a 400 `bad_request`;
 * otherwise it is a 422 `validation_failed`. `fields` maps dotted paths to messages.
 */
export function fromZodError(error: { issues: readonly ZodIssue[] }, options: FromZodOptions = {}): ApiError {
  // No prototype: a client's key such as "constructor" must not find Object's.
  const fields: Record<string, string> = Object.create(null);
  let structural = false;
  for (const issue of error.issues) {
    const kind = options.classify?.(issue) ?? defaultKind(issue);
    if (kind === "structure") structural = true;
    for (const [path, text] of describe(issue, options)) {
      if (path === "") continue;
      fields[path] = fields[path] === undefined ? text : `${fields[path]}; ${text}`;
    }
  }
  const paths = Object.keys(fields);
  if (structural) {
    return new ApiError({ status: 400, message: summary("The request is malformed", paths), fields });
  }
  return new ApiError({ status: 422, message: summary("Validation failed", paths), fields });
}

/** The default policy: structure is the shape of the input, rules are everything else. */
export function defaultKind(issue: ZodIssue): IssueKind {
  switch (issue.code) {
    case "invalid_type":
    case "unrecognized_keys":
      return "structure";
    case "invalid_union":
      // Every member failed on shape (or the discriminator matched none): wrong structure.
      return issue.errors.length === 0 || issue.errors.every((branch) => branch.some(isStructural))
        ? "structure"
        : "rule";
    case "invalid_key":
    case "invalid_element":
      return issue.issues.some(isStructural) ? "structure" : "rule";
    default:
      return "rule";
  }
}

function isStructural(issue: ZodIssue): boolean {
  return defaultKind(issue) === "structure";
}

function describe(issue: ZodIssue, options: FromZodOptions): Array<[string, string]> {
  const path = fieldPath(issue.path);
  switch (issue.code) {
    case "invalid_type":
      return [[path, isMissing(issue, options) ? "required" : `expected ${issue.expected}`]];
    case "unrecognized_keys":
      // Unknown keys are the client's own text: named only when they are plain identifiers.
      return issue.keys.map((key) =>
        SAFE_SEGMENT.test(key) ? [joinPath(path, key), "unknown field"] : [path, "unknown field"],
      );
    case "invalid_union":
      return [[path, issue.errors.length === 0 ? "no matching variant" : "matches no allowed shape"]];
    default:
      return [[path, issue.message || "invalid"]];
  }
}

function isMissing(issue: core.$ZodIssueInvalidType, options: FromZodOptions): boolean {
  if ("input" in options) {
    let value: unknown = options.input;
    for (const segment of issue.path) {
      if (value === null || typeof value !== "object" || !Object.hasOwn(value, segment)) return true;
      value = (value as Record<PropertyKey, unknown>)[segment];
    }
    return value === undefined;
  }
  if ("input" in issue) return issue.input === undefined;
  // zod's own message when no input was kept: "…, received undefined".
  return issue.message.endsWith("received undefined");
}

function fieldPath(path: readonly PropertyKey[]): string {
  let result = "";
  for (const segment of path) result = joinPath(result, pathSegment(segment));
  return result;
}

function pathSegment(segment: PropertyKey): string {
  if (typeof segment === "number") return String(segment);
  if (typeof segment === "string" && SAFE_SEGMENT.test(segment)) return segment;
  return "*";
}

function joinPath(parent: string, segment: string): string {
  return parent === "" ? segment : `${parent}.${segment}`;
}

function summary(lead: string, paths: readonly string[]): string {
  if (paths.length === 0) return lead;
  const named = paths.slice(0, MAX_PATHS_IN_MESSAGE).join(", ");
  const more = paths.length > MAX_PATHS_IN_MESSAGE ? ` and ${paths.length - MAX_PATHS_IN_MESSAGE} more` : "";
  return `${lead}: ${named}${more}`;
}
