// RFC 6750 section 2.1: credentials = "Bearer" 1*SP b64token; this reads exactly one space.
// b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
const BEARER_CREDENTIAL = /^[Bb][Ee][Aa][Rr][Ee][Rr] ([A-Za-z0-9\-._~+/]+=*)$/;

/**
 * The token of an `Authorization: Bearer <token>` request header, or `undefined` when the
 * header holds no Bearer credential: missing, another scheme, a bare `Bearer`, a tab, extra
 * spaces, two tokens, or the header sent twice (an array, as Node's `headersDistinct` gives it,
 * or a comma-joined value, as `Headers` gives it). Answer `undefined` with `unauthenticated()`
 * (the plain `WWW-Authenticate: Bearer` challenge) and an unknown token with
 * `unauthenticated({ error: "invalid_token" })`.
 */
export function readBearerToken(
  authorization: string | readonly string[] | null | undefined,
): string | undefined {
  const value =
    typeof authorization === "string"
      ? authorization
      : Array.isArray(authorization) && authorization.length === 1
        ? authorization[0]
        : undefined;
  if (typeof value !== "string") return undefined;
  return BEARER_CREDENTIAL.exec(value)?.[1];
}
