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
];
