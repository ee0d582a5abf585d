import type { ConformanceCase, RequestBody } from "../case.js";
import { JSON_TYPE, registerRaw, STRONG_PASSWORD } from "./requests.js";

const group = "register-transport";
const VALID_JSON: RequestBody = {
  kind: "text",
  text: `{"email":"{{email}}","password":"${STRONG_PASSWORD}"}`,
};
// Just over the 64 KiB (65536 bytes) limit; a valid registration otherwise, so a server
// without a limit answers 201.
const TOO_LARGE = 70_000;
const large = (chunked: boolean): RequestBody => ({
  kind: "padded-json",
  value: { email: "{{email}}", password: STRONG_PASSWORD },
  bytes: TOO_LARGE,
  chunked,
});

/** POST /users refused before parsing: 415 for the media type, 413 for the size. */
export const registerTransportCases: readonly ConformanceCase[] = [
  {
    id: "register-text-plain",
    title: "JSON sent as text/plain is 415",
    group,
    request: registerRaw(VALID_JSON, { "content-type": "text/plain" }),
    expect: { status: 415, error: "unsupported_media_type" },
  },
  {
    id: "register-no-content-type",
    title: "a body without Content-Type is 415",
    group,
    request: registerRaw(VALID_JSON, {}),
    expect: { status: 415, error: "unsupported_media_type" },
  },
  {
    id: "register-form",
    title: "a form body is 415",
    group,
    request: registerRaw(
      { kind: "text", text: "email=ada%40example.com&password=correct-horse-9-battery" },
      { "content-type": "application/x-www-form-urlencoded" },
    ),
    expect: { status: 415, error: "unsupported_media_type" },
  },
  {
    id: "register-too-large",
    title: `a ${TOO_LARGE}-byte body with Content-Length is 413`,
    group,
    request: registerRaw(large(false), JSON_TYPE),
    expect: { status: 413, error: "payload_too_large" },
  },
  {
    id: "register-too-large-chunked",
    title: `a ${TOO_LARGE}-byte chunked body (no Content-Length) is 413`,
    group,
    request: registerRaw(large(true), JSON_TYPE),
    expect: { status: 413, error: "payload_too_large" },
  },
];
