import { isObject, type Json, type OpenApiDocument, resolve } from "./document.js";

/** The one JSON type a schema allows (null aside), or undefined when it allows several or says none. */
export function typeOf(document: OpenApiDocument, schema: Json): string | undefined {
  const type = schema.type;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) {
    const types = type.filter((item) => item !== "null");
    return types.length === 1 && typeof types[0] === "string" ? types[0] : undefined;
  }
  if (isObject(schema.properties)) return "object";
  const parts = Array.isArray(schema.allOf) ? schema.allOf : [];
  for (const part of parts) {
    const resolved = resolve(document, part);
    const found = resolved === undefined ? undefined : typeOf(document, resolved);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Properties and required names of an object schema, `allOf` parts merged. */
export function objectShape(
  document: OpenApiDocument,
  schema: Json,
): { properties: Map<string, Json>; required: Set<string> } {
  const properties = new Map<string, Json>();
  const required = new Set<string>();
  const visit = (part: Json, depth: number) => {
    if (depth > 8) return;
    for (const [name, raw] of Object.entries(isObject(part.properties) ? part.properties : {})) {
      const property = resolve(document, raw);
      if (property !== undefined) properties.set(name, property);
    }
    for (const name of Array.isArray(part.required) ? part.required : []) {
      if (typeof name === "string") required.add(name);
    }
    for (const raw of Array.isArray(part.allOf) ? part.allOf : []) {
      const resolved = resolve(document, raw);
      if (resolved !== undefined) visit(resolved, depth + 1);
    }
  };
  visit(schema, 0);
  return { properties, required };
}

const MAX_DEPTH = 24;
// Keywords of OpenAPI's Schema Object that are no JSON Schema assertions.
const OPENAPI_ONLY = new Set(["nullable", "discriminator", "xml", "externalDocs", "example"]);

/**
 * A self-contained JSON Schema (2020-12) of an OpenAPI schema: local `$ref`s inlined (a cycle
 * deeper than 24 levels accepts anything there), OpenAPI 3.0's `nullable` turned into a type
 * union, its boolean `exclusiveMinimum`/`exclusiveMaximum` into numbers.
 */
export function toJsonSchema(document: OpenApiDocument, schema: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return {};
  if (Array.isArray(schema)) return schema.map((item) => toJsonSchema(document, item, depth + 1));
  if (!isObject(schema)) return schema;
  const resolved = resolve(document, schema) ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resolved)) {
    if (OPENAPI_ONLY.has(key) || key.startsWith("x-")) continue;
    if (
      key === "properties" ||
      key === "patternProperties" ||
      key === "$defs" ||
      key === "dependentSchemas"
    ) {
      out[key] = Object.fromEntries(
        Object.entries(isObject(value) ? value : {}).map(([name, item]) => [
          name,
          toJsonSchema(document, item, depth + 1),
        ]),
      );
    } else if (
      key === "enum" ||
      key === "const" ||
      key === "default" ||
      key === "examples" ||
      key === "required"
    ) {
      out[key] = value;
    } else {
      out[key] = toJsonSchema(document, value, depth + 1);
    }
  }
  if (resolved.nullable === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof out[flag] === "boolean") {
      if (out[flag] === true) out[flag] = out[bound];
      else delete out[flag];
      if (out[flag] !== undefined) delete out[bound];
    }
  }
  return out;
}
