import { isObject, type Json, type OpenApiDocument, resolve } from "./document.js";
import { patternSample } from "./pattern-sample.js";
import { objectShape, typeOf } from "./schema.js";

const MAX_DEPTH = 6;

/** Values of a string format, valid ones first: what a sample uses and what breaks the format. */
export const FORMATS: Readonly<Record<string, { valid: string; invalid: string }>> = {
  email: { valid: "conformance-{{suffix}}@example.com", invalid: "not-an-email" },
  uuid: { valid: "3b241101-e2bb-4255-8caf-4136c566a962", invalid: "not-a-uuid" },
  "date-time": { valid: "2026-01-02T03:04:05Z", invalid: "yesterday at noon" },
  date: { valid: "2026-01-02", invalid: "2026-13-45" },
  uri: { valid: "https://example.com/conformance", invalid: "not a uri" },
  ipv4: { valid: "192.0.2.1", invalid: "999.0.2.1" },
};

/**
 * A value the schema accepts, as far as one can be built without solving it: the schema's own
 * example, default, const or first enum value, else a value of its type within its bounds.
 * Objects get their required properties only. `{{suffix}}` makes strings unique per run.
 */
export function sampleValue(document: OpenApiDocument, raw: unknown, depth = 0): unknown {
  const schema = resolve(document, raw);
  if (schema === undefined || depth > MAX_DEPTH) return null;
  for (const key of ["example", "default", "const"] as const) {
    if (schema[key] !== undefined) return schema[key];
  }
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const key of ["oneOf", "anyOf"] as const) {
    const first = Array.isArray(schema[key]) ? schema[key][0] : undefined;
    if (first !== undefined) return sampleValue(document, first, depth + 1);
  }
  switch (typeOf(document, schema)) {
    case "object":
      return sampleObject(document, schema, depth);
    case "array": {
      const count = Math.max(1, Number(schema.minItems ?? 1));
      return Array.from({ length: count }, () => sampleValue(document, schema.items, depth + 1));
    }
    case "string":
      return sampleString(schema);
    case "integer":
      return sampleNumber(schema, true);
    case "number":
      return sampleNumber(schema, false);
    case "boolean":
      return true;
    default:
      return null;
  }
}

function sampleObject(document: OpenApiDocument, schema: Json, depth: number): Record<string, unknown> {
  const { properties, required } = objectShape(document, schema);
  const value: Record<string, unknown> = {};
  for (const name of required) {
    const property = properties.get(name);
    if (property?.readOnly === true) continue;
    value[name] = property === undefined ? "conformance" : sampleValue(document, property, depth + 1);
  }
  return value;
}

function sampleString(schema: Json): string {
  const format = typeof schema.format === "string" ? FORMATS[schema.format] : undefined;
  if (format !== undefined) return format.valid;
  const min = Number(schema.minLength ?? 0);
  const max = Number(schema.maxLength ?? Number.POSITIVE_INFINITY);
  let text = "conformance-{{suffix}}";
  // `{{suffix}}` is 16 characters once filled: the length the server sees is `text.length + 6`.
  if (text.length + 6 > max) text = "c".repeat(Math.max(min, Math.min(max, 1)));
  else if (text.length + 6 < min) text += "c".repeat(min - text.length - 6);
  return withinPattern(text, schema.pattern);
}

// A value a `pattern` rejects is no sample: one built from the pattern instead, when it can be.
function withinPattern(text: string, pattern: unknown): string {
  if (typeof pattern !== "string") return text;
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, "u");
  } catch {
    return text;
  }
  if (regex.test(text.replaceAll("{{suffix}}", "0123456789abcdef"))) return text;
  return patternSample(pattern) ?? text;
}

function sampleNumber(schema: Json, integer: boolean): number {
  // OpenAPI 3.1 gives exclusive bounds as numbers, 3.0 as booleans beside minimum/maximum.
  const minimum = bound(schema.minimum, schema.exclusiveMinimum, 1);
  const maximum = bound(schema.maximum, schema.exclusiveMaximum, -1);
  let value = minimum ?? (maximum === undefined ? 1 : Math.min(1, maximum));
  if (integer) value = Math.ceil(value);
  if (typeof schema.multipleOf === "number" && schema.multipleOf > 0) {
    value = Math.ceil(value / schema.multipleOf) * schema.multipleOf;
  }
  return value;
}

function bound(inclusive: unknown, exclusive: unknown, step: number): number | undefined {
  if (typeof exclusive === "number") return exclusive + step;
  if (typeof inclusive !== "number") return undefined;
  return exclusive === true ? inclusive + step : inclusive;
}

/** A path with each `{parameter}` filled from its example or schema (strings get `{{suffix}}`). */
export function samplePath(document: OpenApiDocument, path: string, parameters: readonly Json[]): string {
  return path.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const parameter = parameters.find((item) => item.in === "path" && item.name === name);
    const value = parameter === undefined ? undefined : parameterSample(document, parameter);
    const text =
      value === undefined || value === null || isObject(value) ? `conformance-{{suffix}}` : String(value);
    return encodeURIComponent(text).replaceAll("%7B%7Bsuffix%7D%7D", "{{suffix}}");
  });
}

function parameterSample(document: OpenApiDocument, parameter: Json): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const schema = resolve(document, parameter.schema);
  if (schema === undefined) return undefined;
  const type = typeOf(document, schema);
  if (
    type === "string" &&
    schema.example === undefined &&
    schema.enum === undefined &&
    schema.format === undefined
  ) {
    return withinPattern("conformance-{{suffix}}", schema.pattern);
  }
  return sampleValue(document, schema);
}
