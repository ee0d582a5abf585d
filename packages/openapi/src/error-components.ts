import {
  type AnyErrorCatalog,
  codeForStatus,
  type ErrorStatus,
  genericCodes,
  reasonPhrase,
} from "@error-contract/core";
import { errorHeaders } from "./error-headers.js";
import { errorResponse } from "./error-response.js";
import { errorSchemas } from "./error-schemas.js";
import type { HeaderObject, JsonSchema, ResponseObject } from "./openapi-types.js";

export interface ErrorComponentsOptions {
  /** The application's codes (`defineErrors`): each joins the `error` enum of its status. */
  catalog?: AnyErrorCatalog | undefined;
}

export interface ErrorComponents {
  schemas: Record<string, JsonSchema>;
  headers: Record<string, HeaderObject>;
  responses: Record<string, ResponseObject>;
}

/** `components.responses` key of a status: its reason phrase in PascalCase (`ContentTooLarge`). */
export function responseName(status: ErrorStatus): string {
  const words = reasonPhrase(status)
    .replace(/[^A-Za-z0-9 ]/g, " ")
    .split(" ");
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
}

/** Every code a status may answer with: its generic code, then the catalog's codes bound to it. */
export function codesForStatus(status: ErrorStatus, catalog: AnyErrorCatalog | undefined): string[] {
  const declared = Object.values(catalog ?? {})
    .filter((factory) => factory.status === status)
    .map((factory) => factory.code);
  return [codeForStatus(status), ...declared];
}

/** The statuses that get a component: every generic one, and any the catalog adds. */
export function documentedStatuses(catalog: AnyErrorCatalog | undefined): ErrorStatus[] {
  const statuses = new Set<ErrorStatus>(genericCodes().map(({ status }) => status));
  for (const factory of Object.values(catalog ?? {})) statuses.add(factory.status);
  return [...statuses].sort((a, b) => a - b);
}

/** The contract's `components`: `ErrorBody`, `ProblemBody`, its headers, one response per status. */
export function errorComponents(options: ErrorComponentsOptions = {}): ErrorComponents {
  const responses: Record<string, ResponseObject> = {};
  for (const status of documentedStatuses(options.catalog)) {
    responses[responseName(status)] = errorResponse(status, codesForStatus(status, options.catalog));
  }
  return { schemas: errorSchemas(), headers: errorHeaders(), responses };
}
