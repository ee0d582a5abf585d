import { STRONG_PASSWORD } from "../../cases/requests.js";
import type { HostileCase } from "../hostile-case.js";
import { bytes, postJson } from "../raw-request.js";

const json = (id: string, title: string, body: HostileCase["bytes"], expect: HostileCase["expect"]) =>
  ({ id: `hostile-json-${id}`, title, group: "json", method: "POST", bytes: body, expect }) as const;

// Malformed and odd JSON: the parser's failure is the client's 400, never a 500.
export const jsonCases: readonly HostileCase[] = [
  json("truncated", "JSON cut off mid-member", () => postJson('{"email":"ada@example.com","pass'), {
    status: [400],
  }),
  json(
    "trailing-garbage",
    "a valid object followed by garbage",
    (v) => postJson(`{"email":"${v.email}","password":"${STRONG_PASSWORD}"} garbage`),
    { status: [400] },
  ),
  json("two-documents", "two JSON documents in one body", () => postJson("{}{}"), { status: [400] }),
  json("nul-byte", "a raw NUL byte inside a string", () => postJson('{"email":"a\u0000@example.com"}'), {
    status: [400],
  }),
  // RFC 8259 lets a parser ignore a BOM or reject it: 400 or (the rules break) 422.
  json(
    "bom",
    "a UTF-8 byte order mark before the object",
    () => postJson(bytes(Buffer.from([0xef, 0xbb, 0xbf]), '{"email":"not-an-email","password":"short"}')),
    { status: [400, 422] },
  ),
  json(
    "invalid-utf8",
    "bytes that are not UTF-8 inside the email",
    () =>
      postJson(
        bytes(
          '{"email":"',
          Buffer.from([0xff, 0xfe, 0xc3]),
          `@example.com","password":"${STRONG_PASSWORD}"}`,
        ),
      ),
    { status: [400, 422] },
  ),
  json(
    "surrogate-bytes",
    "an encoded lone surrogate (CESU-8 bytes) inside the email",
    () =>
      postJson(
        bytes(
          '{"email":"',
          Buffer.from([0xed, 0xa0, 0x80]),
          `@example.com","password":"${STRONG_PASSWORD}"}`,
        ),
      ),
    { status: [400, 422] },
  ),
  json(
    "lone-surrogate-escape",
    "a lone surrogate escape (\\ud800) in the email",
    () => postJson(`{"email":"\\ud800@example.com","password":"${STRONG_PASSWORD}"}`),
    { status: [400, 422] },
  ),
  // First or last duplicate wins: the rules break either way.
  json(
    "duplicate-keys",
    "the same member twice",
    (v) => postJson(`{"email":"${v.email}","email":"not-an-email","password":"short"}`),
    { status: [400, 422] },
  ),
  json(
    "huge-exponent",
    "a password of 1e400 (Infinity for a double)",
    (v) => postJson(`{"email":"${v.email}","password":1e400}`),
    { status: [400], fields: ["password"] },
  ),
  json(
    "huge-integer",
    "a password that is a 400-digit integer",
    (v) => postJson(`{"email":"${v.email}","password":${"9".repeat(400)}}`),
    { status: [400], fields: ["password"] },
  ),
  json(
    "deep-array",
    "an email nested 30,000 arrays deep",
    () => postJson(`{"email":${"[".repeat(30_000)}${"]".repeat(30_000)},"password":"${STRONG_PASSWORD}"}`),
    { status: [400], fields: ["email"] },
  ),
  json(
    "deep-object",
    "a name nested 10,000 objects deep",
    (v) =>
      postJson(
        `{"email":"${v.email}","password":"${STRONG_PASSWORD}","name":${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}}`,
      ),
    { status: [400], fields: ["name"] },
  ),
];
