import {
  ApiError,
  badRequest,
  forbidden,
  fromZodError,
  generateTraceId,
  methodNotAllowed,
  notFound,
  readBearerToken,
  resolveTraceId,
  unauthenticated,
  validationFailed,
} from "@error-contract/core";
import {
  createErrorPath,
  type ErrorRequest,
  fromHttpException,
  isJsonContentType,
  jsonRequestFailure,
  requestBodyError,
} from "@error-contract/core/adapter";
import { z } from "zod";
import { FAULT_SECRET } from "../src/index.js";
import type { Quirk } from "./quirks.js";
import { errors, type User, UserStore } from "./user-store.js";

/**
 * The reference API as a plain fetch-style function on @error-contract/core: the suite's own
 * proof that every case can pass. A `quirk` makes it break exactly one rule.
 */
export type Handler = (request: Request, target?: string) => Promise<Response>;

const BODY_LIMIT = 64 * 1024;
const TOKENS: Readonly<Record<string, string>> = { "user-token": "usr_ada", "admin-token": "usr_root" };

const Register = z.object({
  email: z.email(),
  password: z.string().min(12).regex(/\d/, "needs at least one digit"),
  name: z.string().min(1).max(100).optional(),
});

/** The framework's own HTTP exception, as a real framework would have. */
class HttpException extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

interface Context {
  request: Request;
  url: URL;
  /** The path as received, dot segments kept. */
  path: string;
  quirk: Quirk | undefined;
  store: UserStore;
}

export function createReferenceServer(quirk?: Quirk): Handler {
  const store = new UserStore(quirk === "email-case-sensitive");
  // `target`: the request-target as received (a URL resolves dot segments; paths match exactly).
  return async (request, target) => {
    const traceId = traceIdOf(request, quirk);
    let response: Response;
    try {
      const url = new URL(request.url);
      const path = target?.split("?", 1)[0] ?? url.pathname;
      response = await route({ request, url, path, quirk, store });
      if (quirk !== "no-request-id-on-success") response.headers.set("X-Request-Id", traceId);
    } catch (thrown) {
      response = renderFailure(thrown, request, traceId, quirk);
    }
    if (request.method !== "HEAD" || quirk === "head-with-body") return response;
    return new Response(null, { status: response.status, headers: response.headers });
  };
}

function traceIdOf(request: Request, quirk: Quirk | undefined): string {
  const resolved = resolveTraceId(request.headers);
  if (quirk !== "echo-invalid-request-id") return resolved;
  // The broken rule: an incoming X-Request-Id is taken as it is, valid or not.
  const fromTraceparent = request.headers.get("traceparent")?.split("-")[1] === resolved;
  return fromTraceparent ? resolved : (request.headers.get("x-request-id") ?? resolved);
}

const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: { title: "Reference server", version: "1.1.0" },
  paths: {},
};

async function route(context: Context): Promise<Response> {
  const { request, path, quirk } = context;
  const method = request.method === "HEAD" ? "GET" : request.method;
  // The broken rule: a body read before the route is known.
  if (quirk === "body-before-routing" && isJsonContentType(request.headers.get("content-type"))) {
    await parseBody(context);
  }
  if (quirk !== "percent-encoding-unchecked" && !wellEncoded(path)) {
    throw badRequest("The path's percent-encoding is malformed");
  }
  if (quirk === "param-length-limit" && path.length > 107) {
    throw new ApiError({ status: 414, message: "URI too long" });
  }
  const user = /^\/users\/([^/]+)$/.exec(path)?.[1];
  const fault = /^\/faults\/([^/]+)$/.exec(path)?.[1];
  if (path === "/users") {
    if (method === "POST") return register(context);
    throw methodNotAllowed(["POST"]);
  }
  if (user !== undefined) {
    if (method === "GET") return json(userView(storeOf(context).get(user)));
    if (method === "DELETE" && quirk === "body-on-delete" && request.headers.get("content-type") !== null) {
      await parseBody(context);
    }
    if (method === "DELETE") return deleteUser(context, user);
    throw methodNotAllowed(["GET", "HEAD", "DELETE"]);
  }
  if (path === "/me") {
    if (method !== "GET") throw methodNotAllowed(["GET", "HEAD"]);
    const me = authenticate(context);
    return json({ ...userView(me), role: me.role });
  }
  if (fault !== undefined && method === "GET") return throwFault(fault);
  // A minimal valid OpenAPI 3.1 document: the samples' tests validate their whole documents.
  if (path === "/openapi.json" && method === "GET") return json(OPENAPI_DOCUMENT);
  if (context.quirk === "text-plain-router-miss") {
    return new Response("404 Not Found", { status: 404, headers: { "Content-Type": "text/plain" } });
  }
  throw notFound("No such route");
}

function wellEncoded(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

async function register(context: Context): Promise<Response> {
  const { request, quirk } = context;
  if (quirk !== "any-content-type" && !isJsonContentType(request.headers.get("content-type"))) {
    throw requestBodyError("unsupported_media_type");
  }
  const failure = jsonRequestFailure(request.headers);
  if (
    (failure === "unsupported_charset" && quirk !== "charset-ignored") ||
    (failure === "unsupported_content_coding" && quirk !== "content-coding-ignored")
  ) {
    throw requestBodyError(failure);
  }
  const input = await parseBody(context);
  const parsed = Register.safeParse(hostileQuirk(input, quirk));
  if (!parsed.success) throw misclassified(fromZodError(parsed.error, { input }), quirk);
  if (quirk === "utf16-lengths" && (parsed.data.name?.length ?? 1) > 100) {
    throw validationFailed({ name: "at most 100 characters" });
  }
  const user = storeOf(context).create(parsed.data.email, parsed.data.name ?? null);
  const headers: Record<string, string> = quirk === "no-location" ? {} : { Location: `/users/${user.id}` };
  return json(userView(user), 201, headers);
}

async function parseBody(context: Context): Promise<unknown> {
  const { request, quirk } = context;
  const text = await readBody(
    request,
    quirk === "no-body-limit" ? Number.POSITIVE_INFINITY : BODY_LIMIT,
    quirk,
  );
  if (text === "" && quirk !== "malformed-json-500") throw requestBodyError("empty_body");
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    // The broken rule: a parser's failure treated as the server's own (a 500).
    if (quirk === "malformed-json-500") throw error;
    throw requestBodyError("malformed_json");
  }
  return input;
}

// Broken input handling: a merge that follows `__proto__`, a sanitizer that recurses into the input.
function hostileQuirk(input: unknown, quirk: Quirk | undefined): unknown {
  if (quirk === "proto-merge" && input !== null && typeof input === "object") {
    const merged: Record<string, unknown> = {};
    for (const key of Object.keys(input)) merged[key] = (input as Record<string, unknown>)[key];
    return { ...Object.getPrototypeOf(merged), ...merged };
  }
  if (quirk === "deep-recursion") {
    const trim = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(trim) : typeof value === "string" ? value.trim() : value;
    return Object.fromEntries(Object.entries(input as object).map(([key, value]) => [key, trim(value)]));
  }
  return input;
}

// The two quirks that swap 400 (structure) and 422 (rules).
function misclassified(error: ApiError, quirk: Quirk | undefined): ApiError {
  if (quirk === "validation-as-400" && error.status === 422)
    return badRequest(error.message, { fields: error.fields ?? {} });
  if (quirk === "structure-as-422" && error.status === 400)
    return validationFailed(error.fields, error.message);
  return error;
}

function deleteUser(context: Context, id: string): Response {
  const me = authenticate(context);
  if (me.role !== "admin") {
    throw context.quirk === "forbidden-as-401" ? unauthenticated() : forbidden("Only admins delete users");
  }
  storeOf(context).delete(id);
  return new Response(null, { status: 204 });
}

function authenticate(context: Context): User {
  const header = context.request.headers.get("authorization");
  if (context.quirk === "store-before-credential") storeOf(context);
  // The broken rule: any whitespace after the scheme, and the first of several tokens.
  const [scheme = "", first] = header?.trim().split(/\s+/) ?? [];
  const credential =
    context.quirk === "lenient-bearer"
      ? scheme.toLowerCase() === "bearer"
        ? first
        : undefined
      : readBearerToken(header);
  if (credential === undefined) throw unauthenticated({ realm: "users" });
  const id = Object.hasOwn(TOKENS, credential) ? TOKENS[credential] : undefined;
  if (id === undefined) throw unauthenticated({ realm: "users", error: "invalid_token" });
  // The broken rule: the user behind the token taken from the token table, not the store.
  if (context.quirk === "user-not-from-store")
    return { id, email: "", name: null, role: id === "usr_root" ? "admin" : "user" };
  return storeOf(context).get(id);
}

// X-Fault: database makes every use of the store fail like a database that is down.
function storeOf({ request, store }: Context): UserStore {
  if (request.headers.get("x-fault") === "database") {
    throw new Error(`database unavailable: ${FAULT_SECRET}`);
  }
  return store;
}

async function throwFault(kind: string): Promise<never> {
  switch (kind) {
    case "error":
      throw new Error(FAULT_SECRET);
    case "string":
      throw FAULT_SECRET;
    case "null":
      throw null;
    case "undefined":
      throw undefined;
    case "object":
      throw { reason: FAULT_SECRET };
    case "async":
      await Promise.resolve();
      throw new Error(FAULT_SECRET);
    case "duck":
      throw { statusCode: 502, status: 502, message: FAULT_SECRET };
    case "native-404":
      throw new HttpException(404);
    case "native-429":
      throw new HttpException(429);
    default:
      throw notFound("No such fault kind");
  }
}

async function readBody(request: Request, limit: number, quirk?: Quirk): Promise<string> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw requestBodyError("too_large");
  if (request.body === null) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Counted as it streams: a chunked body has no Content-Length to trust.
  const reader = request.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.length;
    if (size > limit) {
      await reader.cancel();
      // A stream limit with its own text, as a platform's body parser has ("request entity too large").
      if (quirk === "stream-limit-own-wording")
        throw new ApiError({ status: 413, message: "request entity too large" });
      throw requestBodyError("too_large");
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function renderFailure(
  thrown: unknown,
  request: Request,
  traceId: string,
  quirk: Quirk | undefined,
): Response {
  const accept = request.headers.get("accept");
  const format =
    quirk === "problem-json-ignored"
      ? "json"
      : quirk === "problem-json-for-any" && accept?.includes("*/*")
        ? "problem+json"
        : "negotiate";
  const path = new URL(request.url).pathname;
  const rendered = errorPaths[format].answer(thrown, {
    method: request.method,
    path,
    accept,
    traceId,
    quirk,
  });
  const headers = new Headers(rendered.headers);
  const body = JSON.parse(rendered.body) as Record<string, unknown>;
  switch (quirk) {
    case "no-cache-control":
      headers.delete("Cache-Control");
      break;
    case "no-www-authenticate":
      headers.delete("WWW-Authenticate");
      break;
    case "echo-invalid-request-id":
      headers.set("X-Request-Id", traceId);
      body.traceId = traceId;
      break;
    case "trace-id-mismatch":
      body.traceId = generateTraceId();
      break;
    case "leaked-secret":
      if (rendered.status >= 500) body.message = String((thrown as Error | undefined)?.message ?? thrown);
      break;
    case "stack-in-500":
      if (rendered.status >= 500) body.stack = new Error("at handler (server.ts:1:1)").stack;
      break;
    case "wrong-429-title":
      if (rendered.status === 429 && body.title !== undefined) body.title = "Too many requests";
      break;
    case "extra-member":
      body.timestamp = new Date().toISOString();
      break;
    case "success-false":
      if (rendered.status === 400 || rendered.status === 422) return json({ success: false, ...body });
      break;
  }
  return new Response(JSON.stringify(body), { status: rendered.status, headers });
}

type QuirkedRequest = ErrorRequest & { quirk: Quirk | undefined };

// Only core's errors and the framework's own exception choose a status.
function recognise(thrown: unknown, { quirk }: QuirkedRequest): ApiError | undefined {
  if (thrown instanceof HttpException) return fromHttpException(thrown.status, { cause: thrown });
  const statusCode = (thrown as { statusCode?: unknown } | null | undefined)?.statusCode;
  if (quirk === "duck-trusted" && typeof statusCode === "number") {
    return fromHttpException(statusCode, { cause: thrown });
  }
  return undefined;
}

// The server is an adapter on core: its recogniser on core's error path, one per format it answers in.
const errorPathIn = (format: "json" | "problem+json" | "negotiate") =>
  createErrorPath<QuirkedRequest>({ format, catalog: errors, report: () => {} }, recognise);
const errorPaths = {
  json: errorPathIn("json"),
  "problem+json": errorPathIn("problem+json"),
  negotiate: errorPathIn("negotiate"),
};

function userView({ id, email, name }: User) {
  return { id, email, name };
}

function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}
