import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { quote } from "../check-response.js";
import type { HttpResult } from "../target.js";
import { isObject, type Json, type OpenApiDocument, operationsOf, resolve } from "./document.js";
import { objectShape, toJsonSchema } from "./schema.js";

/**
 * Checks answers against the responses the document gives their operation: an error status
 * must be documented (exactly, as `4XX`, or by `default`), its Content-Type must be one the
 * response lists, and its body must validate against that content's schema.
 */
export class DocumentCheck {
  readonly #document: OpenApiDocument;
  readonly #ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  readonly #validators = new Map<unknown, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    this.#document = document;
    (addFormats as unknown as (ajv: Ajv2020) => void)(this.#ajv);
  }

  /**
   * The problems of one answer to `method path` (the document's path template). `implied`: a
   * status the document states otherwise (a 401 by the operation's `security`), accepted when no
   * response lists it.
   */
  check(
    operation: { readonly method: string; readonly path: string },
    requestMethod: string,
    result: HttpResult,
    implied: readonly number[] = [],
  ): string[] {
    if (result.status < 400) return [];
    const found = operationsOf(this.#document).find(
      (candidate) => candidate.method === operation.method && candidate.path === operation.path,
    );
    if (found === undefined) return [];
    const where = `${operation.method} ${operation.path}`;
    const responses = isObject(found.operation.responses) ? found.operation.responses : {};
    const key = [
      String(result.status),
      `${String(result.status)[0]}XX`,
      `${String(result.status)[0]}xx`,
      "default",
    ].find((candidate) => Object.hasOwn(responses, candidate));
    if (key === undefined) {
      if (implied.includes(result.status)) return [];
      return [
        `document: ${where} documents no ${result.status} response (documented: ${Object.keys(responses).join(", ") || "none"})`,
      ];
    }
    const response = resolve(this.#document, responses[key]) ?? {};
    if (requestMethod.toUpperCase() === "HEAD") return [];
    const content = isObject(response.content) ? response.content : {};
    const mediaTypes = Object.keys(content);
    if (mediaTypes.length === 0) {
      return result.body === ""
        ? []
        : [`document: the ${key} response of ${where} has no content, but the answer has a body`];
    }
    const got = (result.headers.get("content-type") ?? "").split(";", 1)[0]?.trim().toLowerCase() ?? "";
    const mediaType = mediaTypes.find((type) => matches(type.toLowerCase(), got));
    if (mediaType === undefined) {
      return [
        `document: the ${key} response of ${where} is ${mediaTypes.join(" or ")}, the answer is ${quote(got || "(none)")}`,
      ];
    }
    const schema = resolve(this.#document, content[mediaType])?.schema;
    if (schema === undefined) return [];
    let body: unknown;
    try {
      body = JSON.parse(result.body);
    } catch {
      return []; // The contract check already names a body that is not JSON.
    }
    const validate = this.#validator(schema);
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (error) =>
        `document: the ${key} response schema of ${where}: body${error.instancePath.replaceAll("/", ".")} ${error.message ?? "is invalid"}`,
    );
  }

  /**
   * The top-level members the document declares for a success answer of the operation (the
   * schema of its status, `2XX` or `default`, `allOf`, `oneOf` and `anyOf` parts included): a
   * member the document gives a 2xx is no sign of an error in disguise.
   */
  declaredMembers(
    operation: { readonly method: string; readonly path: string },
    status: number,
  ): Set<string> {
    const members = new Set<string>();
    const found = operationsOf(this.#document).find(
      (candidate) => candidate.method === operation.method && candidate.path === operation.path,
    );
    const responses = isObject(found?.operation.responses) ? found.operation.responses : {};
    const key = [String(status), `${String(status)[0]}XX`, `${String(status)[0]}xx`, "default"].find(
      (candidate) => Object.hasOwn(responses, candidate),
    );
    if (key === undefined) return members;
    const content = resolve(this.#document, responses[key])?.content;
    for (const media of Object.values(isObject(content) ? content : {})) {
      this.#collectMembers(resolve(this.#document, media)?.schema, members, 0);
    }
    return members;
  }

  #collectMembers(raw: unknown, members: Set<string>, depth: number): void {
    const schema = resolve(this.#document, raw);
    if (schema === undefined || depth > 8) return;
    for (const name of objectShape(this.#document, schema).properties.keys()) members.add(name);
    for (const key of ["allOf", "oneOf", "anyOf"] as const) {
      for (const part of Array.isArray(schema[key]) ? schema[key] : []) {
        this.#collectMembers(part, members, depth + 1);
      }
    }
  }

  #validator(schema: unknown): ValidateFunction {
    let validate = this.#validators.get(schema);
    if (validate === undefined) {
      validate = this.#ajv.compile(toJsonSchema(this.#document, schema) as Json);
      this.#validators.set(schema, validate);
    }
    return validate;
  }
}

// `application/json` matches itself, `application/*` and `*/*`.
function matches(documented: string, got: string): boolean {
  const plain = documented.split(";", 1)[0]?.trim() ?? "";
  if (plain === got || plain === "*/*") return true;
  return plain.endsWith("/*") && got.startsWith(plain.slice(0, -1));
}
