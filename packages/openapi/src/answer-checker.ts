import { type ErrorStatus, isErrorStatus } from "@error-contract/core";
import { OpenAPIBackend } from "openapi-backend";
import { responseName } from "./error-components.js";

/** One answer as the client saw it. */
export interface RecordedAnswer {
  method: string;
  /** Path and query, as sent. */
  path: string;
  status: number;
  headers: Headers;
  body: string;
}

type Json = Record<string, unknown>;
type Backend = InstanceType<typeof OpenAPIBackend>;

// Answers on no documented route (unknown paths, fault routes) are checked against the
// component response of their status, through this operation added to a copy of the document.
const CONTRACT_OPERATION = "errorContractAnyRoute";
const CONTRACT_PATH = "/.error-contract/any-route";

export interface AnswerChecker {
  /** Every way the answer differs from the document (empty when it matches). */
  check(answer: RecordedAnswer): Promise<string[]>;
}

/**
 * Checks answers against an OpenAPI 3.1 document with openapi-backend: the operation (by
 * method and path), the status documented for it, the media type, the body schema of that
 * media type, and the headers (each schema, and those marked `required`).
 */
export function createAnswerChecker(document: Json): AnswerChecker {
  const backends = new Map<string, Promise<Backend>>();
  const backendFor = (mediaType: string) => {
    let backend = backends.get(mediaType);
    if (backend === undefined) {
      backend = initBackend(withContractOperation(asJsonMediaType(document, mediaType)));
      backends.set(mediaType, backend);
    }
    return backend;
  };

  return {
    async check(answer) {
      const base = await backendFor("application/json");
      const method = answer.method.toUpperCase() === "HEAD" ? "get" : answer.method.toLowerCase();
      const url = new URL(answer.path, "http://localhost");
      const matched = base.router.matchOperation({ method, path: url.pathname, headers: {} });
      const operation = matched?.operationId ?? CONTRACT_OPERATION;
      const where = matched
        ? `operation ${operation} (${method.toUpperCase()} ${matched.path})`
        : `no operation, component response ${isErrorStatus(answer.status) ? responseName(answer.status as ErrorStatus) : answer.status}`;
      const problems: string[] = [];
      const fail = (text: string) => problems.push(`${where}: ${text}`);
      const responses = (base.router.getOperation(operation)?.responses ?? {}) as Record<string, Json>;
      const response = responses[String(answer.status)];
      if (response === undefined) {
        fail(`status ${answer.status} is not documented`);
        return problems;
      }
      for (const [name, header] of Object.entries((response.headers ?? {}) as Record<string, Json>)) {
        if (header.required === true && !answer.headers.has(name)) fail(`required header ${name} is missing`);
      }
      const headerResult = base.validator.validateResponseHeaders(
        Object.fromEntries(answer.headers),
        operation,
        { statusCode: answer.status },
      );
      for (const error of headerResult.errors ?? []) fail(`header ${error.instancePath} ${error.message}`);
      const content = response.content as Record<string, unknown> | undefined;
      const isHead = answer.method.toUpperCase() === "HEAD";
      if (content === undefined) {
        if (answer.body !== "") fail("a body where the document gives none");
        return problems;
      }
      const mediaType = (answer.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      if (!Object.hasOwn(content, mediaType)) {
        fail(`media type "${mediaType}" is not documented (${Object.keys(content).join(", ")})`);
        return problems;
      }
      if (isHead) return problems;
      let body: unknown;
      try {
        body = JSON.parse(answer.body);
      } catch {
        fail("the body is not JSON");
        return problems;
      }
      const result = (await backendFor(mediaType)).validator.validateResponse(body, operation, answer.status);
      for (const error of result.errors ?? []) {
        fail(
          `${mediaType} body ${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`,
        );
      }
      return problems;
    },
  };
}

async function initBackend(definition: Json): Promise<Backend> {
  // Quick: the document itself is checked by a validator of its own; here it is only read.
  const backend = new OpenAPIBackend({
    definition: definition as never,
    strict: true,
    quick: true,
    ignoreTrailingSlashes: false,
  });
  await backend.init();
  return backend;
}

// openapi-backend validates the `application/json` body schema: for another media type, a
// copy of the document carries that media type's schema under `application/json`.
function asJsonMediaType(document: Json, mediaType: string): Json {
  const copy = structuredClone(document);
  if (mediaType === "application/json") return copy;
  const swap = (response: unknown) => {
    const content = (response as Json | undefined)?.content as Record<string, unknown> | undefined;
    if (content && Object.hasOwn(content, mediaType)) {
      const chosen = content[mediaType];
      for (const key of Object.keys(content)) delete content[key];
      content["application/json"] = chosen;
    }
  };
  const components = (copy.components ?? {}) as Json;
  for (const response of Object.values((components.responses ?? {}) as Json)) swap(response);
  for (const item of Object.values((copy.paths ?? {}) as Record<string, Json>)) {
    for (const operation of Object.values(item)) {
      for (const response of Object.values(((operation as Json)?.responses ?? {}) as Json)) swap(response);
    }
  }
  return copy;
}

function withContractOperation(document: Json): Json {
  const components = (document.components ?? {}) as Json;
  const known = (components.responses ?? {}) as Json;
  const responses: Json = {};
  for (let status = 400; status <= 599; status++) {
    const name = responseName(status as ErrorStatus);
    if (Object.hasOwn(known, name)) responses[String(status)] = { $ref: `#/components/responses/${name}` };
  }
  const paths = {
    ...((document.paths ?? {}) as Json),
    [CONTRACT_PATH]: { get: { operationId: CONTRACT_OPERATION, responses } },
  };
  return { ...document, paths };
}
