import type { OpenApiQuirk } from "./openapi-server.js";
import type { Quirk } from "./quirks.js";

const register = (...ids: string[]) => ids.map((id) => `openapi-register-${id}`);
const unauthorised = (operation: string) =>
  ["no-credentials", "malformed-credentials", "other-scheme", "unknown-token"].map(
    (id) => `openapi-${operation}-${id}`,
  );

/**
 * Each variant of the server breaking one rule, with the cases derived from the reference
 * document that must catch it. Together they name every derived case (a test holds that).
 */
export const openApiVariants: ReadonlyArray<{
  quirk: Quirk | OpenApiQuirk;
  rule: string;
  caughtBy: readonly string[];
}> = [
  { quirk: "text-plain-router-miss", rule: "a text/plain router 404", caughtBy: ["openapi-unknown-path"] },
  {
    quirk: "head-with-body",
    rule: "HEAD with a body",
    caughtBy: ["openapi-unknown-path-head", "openapi-get-user-head", "openapi-me-head"],
  },
  {
    quirk: "head-differs",
    rule: "HEAD answering 200 where GET is an error",
    caughtBy: ["openapi-get-user-head"],
  },
  { quirk: "traceparent-ignored", rule: "traceparent ignored", caughtBy: ["openapi-trace-traceparent"] },
  { quirk: "request-id-ignored", rule: "X-Request-Id ignored", caughtBy: ["openapi-trace-request-id"] },
  {
    quirk: "echo-invalid-request-id",
    rule: "an invalid X-Request-Id echoed",
    caughtBy: ["openapi-trace-invalid-request-id", "openapi-trace-request-id-too-long"],
  },
  {
    quirk: "traceparent-any-case",
    rule: "an upper-case traceparent accepted",
    caughtBy: ["openapi-trace-invalid-traceparent"],
  },
  {
    quirk: "traceparent-format-only",
    rule: "a traceparent taken by its shape, all-zero ids included",
    caughtBy: ["openapi-trace-zero-trace-id", "openapi-trace-zero-parent-id"],
  },
  { quirk: "problem-json-ignored", rule: "problem+json ignored", caughtBy: ["openapi-problem-json"] },
  {
    quirk: "problem-json-for-any",
    rule: "problem+json given for */*",
    caughtBy: ["openapi-problem-json-any"],
  },
  {
    quirk: "problem-json-for-equal-preference",
    rule: "problem+json given for an equal preference",
    caughtBy: ["openapi-problem-json-equal-preference"],
  },
  {
    quirk: "unserved-method-200",
    rule: "a method the path does not serve answered 200",
    caughtBy: [
      "openapi-unserved-method-users",
      "openapi-unserved-method-users-id",
      "openapi-unserved-method-me",
    ],
  },
  { quirk: "malformed-json-500", rule: "broken JSON a 500", caughtBy: register("broken-json", "empty-body") },
  { quirk: "array-body-500", rule: "a non-object body a 500", caughtBy: register("non-object") },
  { quirk: "any-content-type", rule: "any Content-Type accepted", caughtBy: register("wrong-content-type") },
  { quirk: "charset-ignored", rule: "a non-UTF-8 charset accepted", caughtBy: register("charset") },
  {
    quirk: "content-coding-ignored",
    rule: "a content coding accepted",
    caughtBy: register("content-coding"),
  },
  { quirk: "no-body-limit", rule: "no body limit", caughtBy: register("over-body-limit") },
  {
    quirk: "structure-as-422",
    rule: "structure (400) answered as 422",
    caughtBy: register(
      "missing-email",
      "missing-password",
      "wrong-type-email",
      "wrong-type-password",
      "wrong-type-name",
    ),
  },
  {
    quirk: "validation-as-400",
    rule: "rules (422) answered as 400",
    caughtBy: register(
      "format-email",
      "min-length-password",
      "pattern-password",
      "min-length-name",
      "max-length-name",
    ),
  },
  {
    quirk: "no-www-authenticate",
    rule: "401 without WWW-Authenticate",
    caughtBy: [...unauthorised("me"), ...unauthorised("delete-user")],
  },
  {
    quirk: "error-in-200",
    rule: "a 404 answered 200 with the error body",
    caughtBy: ["openapi-get-user-get"],
  },
  {
    quirk: "success-false",
    rule: '"200 with success:false" for a validation failure',
    caughtBy: register("broken-json", "missing-email", "format-email"),
  },
  {
    quirk: "extra-member",
    rule: "an extra member in the error body",
    caughtBy: ["openapi-unknown-path", ...register("broken-json")],
  },
  { quirk: "no-request-id-on-success", rule: "no X-Request-Id on success", caughtBy: ["openapi-me-get"] },
];
