import { REQUEST_BODY_ERRORS, type RequestBodyFailure } from "@error-contract/core/adapter";
import type { CaseRequest, ConformanceCase, HeaderRule } from "../case.js";
import { JSON_TYPE, registerRaw, STRONG_PASSWORD } from "./requests.js";

const group = "body-wording";
const BODY = { kind: "json", value: { email: "{{email}}", password: STRONG_PASSWORD } } as const;

// [failure, request, headers the answer must have, what tells the case apart from another of the same failure]
const REQUESTS: ReadonlyArray<
  [RequestBodyFailure, CaseRequest, (Readonly<Record<string, HeaderRule>> | undefined)?, string?]
> = [
  ["malformed_json", registerRaw({ kind: "text", text: '{"email":' }, JSON_TYPE)],
  ["empty_body", registerRaw({ kind: "text", text: "" }, JSON_TYPE)],
  ["unsupported_media_type", registerRaw(BODY, { "content-type": "text/plain" })],
  ["unsupported_charset", registerRaw(BODY, { "content-type": "application/json; charset=iso-8859-1" })],
  [
    "unsupported_content_coding",
    registerRaw(BODY, { ...JSON_TYPE, "content-encoding": "gzip" }),
    { "accept-encoding": { equals: "identity" } },
  ],
  [
    "too_large",
    registerRaw(
      { kind: "padded-json", value: { email: "big@example.com" }, bytes: 70 * 1024, chunked: false },
      JSON_TYPE,
    ),
  ],
  // Counted while it streams (no Content-Length): the platform's stream limit, same wording.
  [
    "too_large",
    registerRaw(
      { kind: "padded-json", value: { email: "big@example.com" }, bytes: 70 * 1024, chunked: true },
      JSON_TYPE,
    ),
    undefined,
    "chunked",
  ],
];

/**
 * Every named request-body failure the reference API can meet gives core's one wording: the same
 * status, code and message on every target (no framework's or parser's own text). The spec
 * gives no wording: tagged `wording`, off unless a run turns it on (error-contract's own samples).
 */
export const bodyWordingCases: readonly ConformanceCase[] = REQUESTS.map(
  ([failure, request, headers, variant]) => {
    const { status, message } = REQUEST_BODY_ERRORS[failure];
    return {
      id: `body-wording-${failure.replaceAll("_", "-")}${variant ? `-${variant}` : ""}`,
      title: `${failure}${variant ? ` (${variant})` : ""} reads "${message}" (${status})`,
      group,
      tags: ["wording"],
      request,
      expect: { status, body: { includes: { message } }, ...(headers ? { headers } : {}) },
    };
  },
);
