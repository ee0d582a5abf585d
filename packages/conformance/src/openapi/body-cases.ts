import type { CaseRequest, Expectation, RequestBody } from "../case.js";
import { accessOf } from "./access.js";
import { isObject, type Json, type OpenApiDocument, type Operation, resolve } from "./document.js";
import { DEFAULT_BODY_LIMIT, type DeriveOptions, type OpenApiCase } from "./openapi-case.js";
import { FORMATS, samplePath, sampleValue } from "./sample-value.js";
import { objectShape, typeOf } from "./schema.js";

/** The JSON media type of an operation's request body and its schema, if it takes JSON. */
export function jsonBodyOf(
  document: OpenApiDocument,
  operation: Operation,
): { mediaType: string; schema: Json; required: boolean } | undefined {
  const body = resolve(document, operation.operation.requestBody);
  if (body === undefined || !isObject(body.content)) return undefined;
  const mediaType = Object.keys(body.content).find((type) => /^application\/([\w.-]+\+)?json\b/i.test(type));
  if (mediaType === undefined) return undefined;
  const content = resolve(document, body.content[mediaType]) ?? {};
  return { mediaType, schema: resolve(document, content.schema) ?? {}, required: body.required === true };
}

const WRONG_TYPE: Readonly<Record<string, unknown>> = {
  string: 12345,
  integer: "not-a-number",
  number: "not-a-number",
  boolean: "not-a-boolean",
  object: "not-an-object",
  array: "not-an-array",
};

// Candidates for "a string the pattern does not match"; the first that fails the pattern is sent.
const PATTERN_BREAKERS = ["", " ", "!", "\u0000", "conformance value with spaces and !?", "ZZZZZZZZZZZZ"];

/**
 * The cases for one operation that takes a JSON body: broken bodies and media types (400, 413,
 * 415), a missing required property and a wrong type (400 naming the property), and each
 * constraint of a top-level property broken (422 naming it). None may get a 2xx or a 5xx. On a
 * secured operation they need credentials (else a 401 would answer them all).
 */
export function bodyCases(
  document: OpenApiDocument,
  operation: Operation,
  options: DeriveOptions,
): OpenApiCase[] {
  const json = jsonBodyOf(document, operation);
  if (json === undefined) return [];
  const path = samplePath(document, operation.path, operation.parameters);
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const needsCredentials = accessOf(document, operation).secured;
  const base = sampleValue(document, json.schema);
  const contentType = json.mediaType.split(";", 1)[0] ?? "application/json";
  const cases: OpenApiCase[] = [];
  const add = (
    id: string,
    title: string,
    body: RequestBody | undefined,
    expect: Expectation,
    headers: Record<string, string> = { "content-type": contentType },
  ) => {
    const request: CaseRequest = {
      method: operation.method,
      path,
      headers,
      ...(body === undefined ? {} : { body }),
    };
    cases.push({
      id: `openapi-${operation.slug}-${id}`,
      title: `${operation.method} ${operation.path}: ${title}`,
      group: operation.slug,
      tags: ["body", "writes"],
      operation: { method: operation.method, path: operation.path },
      ...(needsCredentials ? { needsCredentials } : {}),
      request,
      expect,
    });
  };
  const bad = (fields?: string[]): Expectation => ({
    status: 400,
    error: "bad_request",
    ...(fields === undefined ? {} : { fields }),
  });
  const valueBody: RequestBody = { kind: "json", value: base };
  add(
    "broken-json",
    "a body that is not valid JSON is 400",
    { kind: "text", text: '{"conformance": ' },
    bad(),
  );
  add("empty-body", "an empty body is 400", { kind: "text", text: "" }, bad());
  const type = typeOf(document, json.schema);
  if (type === "object")
    add("non-object", "a JSON array where an object belongs is 400", { kind: "json", value: [] }, bad());
  add(
    "wrong-content-type",
    "a text/plain body is 415",
    valueBody,
    { status: 415, error: "unsupported_media_type" },
    {
      "content-type": "text/plain",
    },
  );
  add(
    "charset",
    "JSON in a charset other than UTF-8 is 415",
    valueBody,
    { status: 415, error: "unsupported_media_type" },
    {
      "content-type": `${contentType}; charset=iso-8859-1`,
    },
  );
  add(
    "content-coding",
    "a content-coded body is 415 with Accept-Encoding",
    valueBody,
    {
      status: 415,
      error: "unsupported_media_type",
      headers: { "accept-encoding": { includes: "identity" } },
    },
    { "content-type": contentType, "content-encoding": "gzip" },
  );
  add(
    "over-body-limit",
    `a body of ${bodyLimit + 1024} bytes (over --body-limit) is 413`,
    { kind: "padded-json", value: isObject(base) ? base : {}, bytes: bodyLimit + 1024, chunked: false },
    { status: 413, error: "payload_too_large" },
  );
  if (type !== "object" || !isObject(base)) return cases;
  const { properties, required } = objectShape(document, json.schema);
  for (const name of required) {
    if (!(name in base)) continue;
    const { [name]: _left, ...rest } = base;
    add(
      `missing-${slugOf(name)}`,
      `without the required ${name} is 400 naming it`,
      { kind: "json", value: rest },
      bad([name]),
    );
  }
  for (const [name, property] of properties) {
    if (property.readOnly === true) continue;
    const propertyType = typeOf(document, property);
    if (propertyType === undefined || allowsSeveralTypes(property)) continue;
    add(
      `wrong-type-${slugOf(name)}`,
      `${name} of the wrong type is 400 naming it`,
      { kind: "json", value: { ...base, [name]: WRONG_TYPE[propertyType] } },
      bad([name]),
    );
    for (const [constraint, value] of constraintBreaks(property, propertyType)) {
      add(
        `${constraint}-${slugOf(name)}`,
        `${name} breaking its ${constraint} is 422 naming it`,
        { kind: "json", value: { ...base, [name]: value } },
        { status: 422, error: "validation_failed", fields: [name] },
      );
    }
  }
  return cases;
}

function allowsSeveralTypes(schema: Json): boolean {
  return (
    ["oneOf", "anyOf"].some((key) => Array.isArray(schema[key])) ||
    (Array.isArray(schema.type) && schema.type.length > 1)
  );
}

/** One value per constraint of the property that breaks exactly that constraint. */
export function constraintBreaks(schema: Json, type: string): [string, unknown][] {
  const breaks: [string, unknown][] = [];
  if (type === "string") {
    const min = schema.minLength;
    if (typeof min === "number" && min >= 1) breaks.push(["min-length", "c".repeat(min - 1)]);
    const max = schema.maxLength;
    if (typeof max === "number") breaks.push(["max-length", "c".repeat(max + 1)]);
    if (typeof schema.pattern === "string") {
      const pattern = compile(schema.pattern);
      const value =
        pattern === undefined ? undefined : PATTERN_BREAKERS.find((candidate) => !pattern.test(candidate));
      if (value !== undefined) breaks.push(["pattern", value]);
    }
    const format = typeof schema.format === "string" ? FORMATS[schema.format] : undefined;
    if (format !== undefined) breaks.push(["format", format.invalid]);
    if (Array.isArray(schema.enum) && schema.enum.every((item) => typeof item === "string")) {
      breaks.push(["enum", "error-contract-not-in-enum"]);
    }
  }
  if (type === "integer" || type === "number") {
    const step = type === "integer" ? 1 : 0.5;
    if (typeof schema.minimum === "number") {
      breaks.push(["minimum", schema.exclusiveMinimum === true ? schema.minimum : schema.minimum - step]);
    } else if (typeof schema.exclusiveMinimum === "number") breaks.push(["minimum", schema.exclusiveMinimum]);
    if (typeof schema.maximum === "number") {
      breaks.push(["maximum", schema.exclusiveMaximum === true ? schema.maximum : schema.maximum + step]);
    } else if (typeof schema.exclusiveMaximum === "number") breaks.push(["maximum", schema.exclusiveMaximum]);
    if (Array.isArray(schema.enum) && schema.enum.every((item) => typeof item === "number")) {
      breaks.push(["enum", Math.max(...(schema.enum as number[])) + 1]);
    }
  }
  return breaks;
}

function compile(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return undefined;
  }
}

function slugOf(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "property"
  );
}
