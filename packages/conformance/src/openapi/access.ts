import { arrayOf, isObject, type Json, type OpenApiDocument, type Operation, resolve } from "./document.js";

/** What an operation's `security` asks of a request, and whether the given headers meet it. */
export interface Access {
  /** Every alternative needs a credential (none is `{}`): without one, no 2xx is right. */
  readonly secured: boolean;
  /**
   * Every alternative includes a scheme that is a bearer token in `Authorization` (`http`
   * `bearer`, `oauth2`, `openIdConnect`): a request without one is a 401 with a Bearer challenge.
   */
  readonly bearer: boolean;
  /** The headers given with `--header` meet one alternative (always true when not secured). */
  readonly satisfied: boolean;
}

/**
 * The access rules of an operation: its own `security`, else the document's. `headers` are the
 * lower-case names of the headers sent with every request (`authorization`, `x-api-key`, `cookie`).
 */
export function accessOf(
  document: OpenApiDocument,
  operation: Operation,
  headers: readonly string[] = [],
): Access {
  const alternatives = arrayOf(operation.operation.security ?? document.security).map((alternative) =>
    Object.keys(isObject(alternative) ? alternative : {}).map((name) => schemeOf(document, name)),
  );
  if (alternatives.length === 0 || alternatives.some((schemes) => schemes.length === 0)) {
    return { secured: false, bearer: false, satisfied: true };
  }
  const given = new Set(headers.map((name) => name.toLowerCase()));
  return {
    secured: true,
    bearer: alternatives.every((schemes) => schemes.some(isBearer)),
    satisfied: alternatives.some((schemes) => schemes.every((scheme) => metBy(scheme, given))),
  };
}

function schemeOf(document: OpenApiDocument, name: string): Json {
  const schemes = isObject(document.components?.securitySchemes) ? document.components.securitySchemes : {};
  return resolve(document, schemes[name]) ?? {};
}

/** A bearer token in `Authorization`: HTTP bearer, and what OAuth 2 and OpenID Connect send. */
function isBearer(scheme: Json): boolean {
  if (scheme.type === "oauth2" || scheme.type === "openIdConnect") return true;
  return scheme.type === "http" && String(scheme.scheme).toLowerCase() === "bearer";
}

// Which header carries the scheme's credential; a query key or mutual TLS is never met by a header.
function metBy(scheme: Json, given: ReadonlySet<string>): boolean {
  if (scheme.type === "http" || isBearer(scheme)) return given.has("authorization");
  if (scheme.type !== "apiKey" || typeof scheme.name !== "string") return false;
  if (scheme.in === "header") return given.has(scheme.name.toLowerCase());
  if (scheme.in === "cookie") return given.has("cookie");
  return false;
}
