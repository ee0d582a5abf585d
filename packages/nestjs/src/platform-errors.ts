import { type ApiError, badRequest, payloadTooLarge, unsupportedMediaType } from "@error-contract/core";

// The body was not read to its end: the connection cannot carry another request, and must not
// be advertised as kept alive (Fastify says so itself; body-parser leaves it to us).
const CLOSE = { headers: { Connection: "close" } };

// The body parsers' own errors, recognised by their fixed identifiers (never by a status
// they carry): Express's body-parser sets `type`, Fastify's errors a `FST_ERR_*` code.
const BODY_PARSER: Readonly<Record<string, () => ApiError>> = {
  "entity.parse.failed": () => badRequest("The request body is not valid JSON"),
  "entity.too.large": () => payloadTooLarge(undefined, CLOSE),
  "charset.unsupported": () => unsupportedMediaType("Unsupported charset"),
  "encoding.unsupported": () => unsupportedMediaType("Unsupported content encoding"),
};

const FASTIFY: Readonly<Record<string, () => ApiError>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => badRequest("The request body is not valid JSON"),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => badRequest("The request body is empty"),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => badRequest("Content-Length does not match the body"),
  FST_ERR_CTP_BODY_TOO_LARGE: () => payloadTooLarge(undefined, CLOSE),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => unsupportedMediaType(),
};

/** A body over the declared limit, refused before reading it (see `useJsonBodyParser`). */
export const declaredTooLarge = (): ApiError => payloadTooLarge(undefined, CLOSE);

/** The client went away mid-request (an aborted upload): its failure, never a logged 500. */
export const clientClosed = (cause: unknown): ApiError =>
  badRequest("The client closed the request", { ...CLOSE, cause });

/** An Express body-parser or Fastify content-type error as the contract's error; else undefined. */
export function fromPlatformError(thrown: unknown): ApiError | undefined {
  if (!(thrown instanceof Error)) return undefined;
  const { type, code, expose } = thrown as { type?: unknown; code?: unknown; expose?: unknown };
  if (typeof type === "string" && expose === true) {
    // Any other client error of body-parser (aborted request, bad length...) is a 400.
    return (lookup(BODY_PARSER, type) ?? badRequest)();
  }
  if (thrown.name === "FastifyError" && typeof code === "string") return lookup(FASTIFY, code)?.();
  return undefined;
}

// Own keys only: "constructor" or "toString" must not find Object's.
function lookup(table: Readonly<Record<string, () => ApiError>>, key: string) {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
