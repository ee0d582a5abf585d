import type { Quirk } from "./quirks.js";
import type { ServeOptions } from "./serve-node.js";

/** Each broken variant the hostile suite must catch, over real HTTP, with cases that catch it. */
export const hostileVariants: ReadonlyArray<{
  rule: string;
  quirk?: Quirk;
  serve?: ServeOptions;
  caughtBy: readonly string[];
}> = [
  {
    rule: "malformed JSON answered with a 500",
    quirk: "malformed-json-500",
    caughtBy: ["hostile-json-truncated", "hostile-json-trailing-garbage", "hostile-json-nul-byte"],
  },
  {
    rule: "a merge that follows __proto__ (the smuggled registration accepted)",
    quirk: "proto-merge",
    caughtBy: ["hostile-proto-key"],
  },
  {
    rule: "a recursive sanitizer (deep nesting is a 500)",
    quirk: "deep-recursion",
    caughtBy: ["hostile-json-deep-array"],
  },
  {
    rule: "keep-alive advertised on a 413 whose body was not read",
    serve: { keepAliveOnUnreadBody: true },
    caughtBy: ["hostile-size-content-length", "hostile-size-chunked", "hostile-size-huge-content-length"],
  },
  {
    rule: "parser errors answered with a JSON body outside the contract",
    serve: { foreignParserErrors: true },
    caughtBy: ["hostile-method-unknown", "hostile-header-oversize", "hostile-size-lying-shorter"],
  },
  {
    rule: "Node's own answers at the edge (bare 400 and 417, CONNECT unanswered, a pipelined answer cut)",
    serve: { nodeEdge: true },
    caughtBy: [
      "hostile-framing-conflicting-length",
      "hostile-framing-bare-lf",
      "hostile-host-missing",
      "hostile-expect-unknown",
      "hostile-connect",
      "hostile-pipelined-registration-then-malformed",
    ],
  },
  {
    rule: "a charset other than UTF-8 accepted",
    quirk: "charset-ignored",
    caughtBy: ["hostile-charset-latin1"],
  },
  {
    rule: "a content-coded body read as it is",
    quirk: "content-coding-ignored",
    caughtBy: ["hostile-content-coding-gzip", "hostile-content-coding-corrupt"],
  },
  {
    rule: "malformed percent-encoding routed as a path",
    quirk: "percent-encoding-unchecked",
    caughtBy: ["hostile-path-malformed-percent"],
  },
  {
    rule: "a router limit on segment length",
    quirk: "param-length-limit",
    caughtBy: ["hostile-path-long-segment"],
  },
  { rule: "a body parsed on DELETE", quirk: "body-on-delete", caughtBy: ["hostile-body-on-delete"] },
  {
    rule: "Bearer split on any whitespace",
    quirk: "lenient-bearer",
    caughtBy: ["hostile-bearer-tab", "hostile-bearer-two-tokens", "hostile-bearer-two-spaces"],
  },
];
