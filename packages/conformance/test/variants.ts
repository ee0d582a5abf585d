import type { Quirk } from "./quirks.js";
import { createReferenceServer, type Handler } from "./reference-server.js";

/**
 * A broken variant of the reference server: the rule it breaks, the cases that must catch it
 * (others may too), and how it is made from the reference server. A new variant wraps the server
 * (`apply` alters a request or an answer); the older ones name a `Quirk` the server breaks inside.
 */
export interface Variant {
  readonly rule: string;
  readonly caughtBy: readonly string[];
  readonly apply: (server: Handler) => Handler;
}

// A variant whose break lives inside the reference server (`quirks.ts`, `reference-server.ts`).
function quirk(name: Quirk): Variant["apply"] {
  return () => createReferenceServer(name);
}

/** Each broken variant of the reference server, with cases that must catch it (others may too). */
export const variants: readonly Variant[] = [
  {
    apply: quirk("validation-as-400"),
    rule: "422 answered as 400",
    caughtBy: ["register-invalid-email", "register-short-password", "register-several-rules"],
  },
  {
    apply: quirk("structure-as-422"),
    rule: "400 (structure) answered as 422",
    caughtBy: ["register-missing-email", "register-email-wrong-type", "register-structure-and-rules"],
  },
  {
    apply: quirk("no-cache-control"),
    rule: "no Cache-Control: no-store",
    caughtBy: ["register-broken-json", "fault-error"],
  },
  {
    apply: quirk("leaked-secret"),
    rule: "the secret in a 500 message",
    caughtBy: ["fault-error", "register-database-fault"],
  },
  {
    apply: quirk("text-plain-router-miss"),
    rule: "text/plain 404 for router misses",
    caughtBy: ["route-unknown-get", "route-unknown-post", "route-unknown-delete"],
  },
  {
    apply: quirk("trace-id-mismatch"),
    rule: "traceId differs from X-Request-Id",
    caughtBy: ["user-not-found", "fault-null"],
  },
  {
    apply: quirk("echo-invalid-request-id"),
    rule: "an invalid X-Request-Id echoed",
    caughtBy: ["trace-request-id-too-long", "trace-request-id-space", "trace-request-id-illegal-chars"],
  },
  {
    apply: quirk("success-false"),
    rule: '"200 with success:false" for a validation failure',
    caughtBy: ["register-broken-json", "register-missing-email", "register-short-password"],
  },
  {
    apply: quirk("stack-in-500"),
    rule: "a stack trace in a 500 body",
    caughtBy: ["fault-error", "fault-async"],
  },
  {
    apply: quirk("no-www-authenticate"),
    rule: "401 without WWW-Authenticate",
    caughtBy: ["me-no-credentials", "me-unknown-token", "delete-no-credentials"],
  },
  {
    apply: quirk("forbidden-as-401"),
    rule: "403 answered as 401",
    caughtBy: ["delete-as-user", "delete-as-user-unknown-id"],
  },
  {
    apply: quirk("problem-json-ignored"),
    rule: "problem+json ignored",
    caughtBy: ["problem-json-validation", "problem-json-not-found", "problem-json-server-error"],
  },
  {
    apply: quirk("problem-json-for-any"),
    rule: "problem+json given for */*",
    caughtBy: ["problem-json-any"],
  },
  { apply: quirk("duck-trusted"), rule: "a duck-typed statusCode trusted (502)", caughtBy: ["fault-duck"] },
  { apply: quirk("no-location"), rule: "201 without Location", caughtBy: ["register-created"] },
  {
    apply: quirk("head-with-body"),
    rule: "HEAD with a body",
    caughtBy: ["user-head", "user-head-not-found", "route-unknown-head"],
  },
  {
    apply: quirk("extra-member"),
    rule: "an extra member in the error body",
    caughtBy: ["register-broken-json", "fault-string"],
  },
  {
    apply: quirk("no-body-limit"),
    rule: "413 ignored (a big body accepted)",
    caughtBy: ["register-too-large", "register-too-large-chunked"],
  },
  {
    apply: quirk("stream-limit-own-wording"),
    rule: "a chunked body over the limit answered in the stream limit's own words",
    caughtBy: ["body-wording-too-large-chunked"],
  },
  {
    apply: quirk("any-content-type"),
    rule: "a wrong Content-Type accepted (no 415)",
    caughtBy: ["register-text-plain", "register-no-content-type", "register-form"],
  },
  {
    apply: quirk("no-request-id-on-success"),
    rule: "no X-Request-Id on success",
    caughtBy: ["register-created", "user-found", "trace-on-success"],
  },
  {
    apply: quirk("email-case-sensitive"),
    rule: "emails compared case-sensitively",
    caughtBy: ["register-email-taken-other-case", "register-seeded-email-taken"],
  },
  // Reference API 1.1:
  {
    apply: quirk("body-before-routing"),
    rule: "the body read before routing",
    caughtBy: ["route-before-body-unknown-path", "route-before-body-unserved-method"],
  },
  {
    apply: quirk("percent-encoding-unchecked"),
    rule: "malformed percent-encoding routed as a path",
    caughtBy: ["path-malformed-percent", "path-invalid-utf8-percent"],
  },
  {
    apply: quirk("param-length-limit"),
    rule: "a router limit on segment length (414)",
    caughtBy: ["path-long-segment"],
  },
  {
    apply: quirk("body-on-delete"),
    rule: "a body parsed on DELETE",
    caughtBy: ["bodiless-delete-ignores-content-type"],
  },
  {
    apply: quirk("charset-ignored"),
    rule: "a charset other than UTF-8 accepted",
    caughtBy: ["body-charset-iso-8859-1", "body-charset-utf-16", "body-charset-us-ascii"],
  },
  {
    apply: quirk("content-coding-ignored"),
    rule: "a content-coded body read as it is",
    caughtBy: ["body-content-coding-gzip", "body-content-coding-x-unknown"],
  },
  { apply: quirk("utf16-lengths"), rule: "lengths in UTF-16 units", caughtBy: ["body-name-code-points"] },
  {
    apply: quirk("lenient-bearer"),
    rule: "Bearer split on any whitespace, first token taken",
    caughtBy: ["bearer-tab", "bearer-two-spaces", "bearer-two-tokens", "bearer-tab-delete"],
  },
  {
    apply: quirk("store-before-credential"),
    rule: "the store read before the credential is checked",
    caughtBy: ["store-me-fault-without-token", "store-delete-fault-without-token"],
  },
  {
    apply: quirk("user-not-from-store"),
    rule: "the guard's user taken from the token, not the store",
    caughtBy: ["me-user", "me-database-fault"],
  },
  {
    apply: quirk("wrong-429-title"),
    rule: '429 titled other than "Too Many Requests"',
    caughtBy: ["problem-json-429-title"],
  },
  {
    rule: "the DELETE guard's user taken from the token, not loaded from the store",
    caughtBy: ["store-delete-guard-fault-as-user"],
    // The guard decides without the store: a non-admin gets its 403 though the store is down. Who
    // the token is comes from GET /me (no side effect); an admin's delete still meets the store.
    apply: (server) => async (request, target) => {
      if (request.method !== "DELETE" || request.headers.get("x-fault") !== "database") {
        return server(request, target);
      }
      const authorization = request.headers.get("authorization") ?? "";
      const me = await server(new Request(new URL("/me", request.url), { headers: { authorization } }));
      const role = me.status === 200 ? ((await me.json()) as { role?: string }).role : undefined;
      if (role !== "user") return server(request, target);
      const headers = new Headers(request.headers);
      headers.delete("x-fault");
      return server(new Request(request.url, { method: "DELETE", headers }), target);
    },
  },
  {
    rule: "a 5xx in other words than core's generic message (the toolkit's own wording, tag wording)",
    caughtBy: ["fault-error", "register-database-fault"],
    apply: otherServerErrorWording,
  },
  {
    rule: "/openapi.json answers an OpenAPI 3.0 document",
    caughtBy: ["openapi-document"],
    apply: (server) => async (request, target) => {
      const response = await server(request, target);
      if (new URL(request.url).pathname !== "/openapi.json" || request.method !== "GET") return response;
      const document = { ...((await response.json()) as object), openapi: "3.0.3" };
      return new Response(JSON.stringify(document), { status: response.status, headers: response.headers });
    },
  },
];

/**
 * A 5xx worded by another toolkit ("Internal Server Error"): sound by reference API 1.2, which
 * gives no wording, so only a run with the opt-in tag `wording` fails it.
 */
export function otherServerErrorWording(server: Handler): Handler {
  return async (request, target) => {
    const response = await server(request, target);
    if (response.status < 500 || request.method === "HEAD") return response;
    const body = (await response.json()) as Record<string, unknown>;
    const worded =
      "message" in body
        ? { ...body, message: "Internal Server Error" }
        : { ...body, detail: "Internal Server Error" };
    return new Response(JSON.stringify(worded), { status: response.status, headers: response.headers });
  };
}
