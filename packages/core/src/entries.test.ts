import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as adapter from "./adapter.js";
import * as main from "./index.js";
import * as node from "./node.js";

const packages = new URL("../../", import.meta.url).pathname;
const ADAPTERS = ["hono", "nestjs", "express", "fastify"];

/** The value names each adapter package (its code and its tests) imports or re-exports from one of core's entries. */
function importedByAdapters(entry: string): string[] {
  const names = new Set<string>();
  const from = new RegExp(`(?:import|export)\\s+(type\\s+)?\\{([^}]*)\\}\\s+from\\s+"${entry}"`, "g");
  for (const adapterName of ADAPTERS) {
    const dir = join(packages, adapterName, "src");
    for (const file of readdirSync(dir).filter((name) => name.endsWith(".ts"))) {
      for (const [, typeOnly, list] of readFileSync(join(dir, file), "utf8").matchAll(from)) {
        if (typeOnly !== undefined) continue;
        for (const part of (list as string).replace(/\/\/.*$/gm, "").split(",")) {
          const name = part.trim().split(/\s+as\s+/)[0] as string;
          if (name !== "" && !name.startsWith("type ")) names.add(name);
        }
      }
    }
  }
  return [...names].sort();
}

// Each entry for its own audience: applications, adapter authors, Node's HTTP layer.
describe("core's entries", () => {
  it("keeps what only adapters call out of the main entry", () => {
    for (const name of [
      "createErrorPath",
      "requestBodyError",
      "answerClientError",
      "fromHttpException",
      "formatErrorJson",
      "errorLogRecord",
      "renderError",
      "toApiError",
    ]) {
      expect(main).not.toHaveProperty(name);
    }
    for (const name of ["defineErrors", "fromZodError", "parseOrThrow", "readBearerToken"]) {
      expect(main).toHaveProperty(name);
    }
    for (const name of ["jsonLogReport", "formatErrorLog", "pinoReport", "serializeError"]) {
      expect(main).toHaveProperty(name);
    }
  });

  it("gives adapter authors exactly what the adapters call", () => {
    expect(Object.keys(adapter).sort()).toEqual(importedByAdapters("@error-contract/core/adapter"));
  });

  it("gives Node's HTTP layer what the adapters and a bare Node server call", () => {
    const calledByAdapters = importedByAdapters("@error-contract/core/node");
    // `answerHttpEdge` is for any Node server, whatever framework (the samples call it).
    expect(Object.keys(node).sort()).toEqual([...calledByAdapters, "answerHttpEdge"].sort());
  });
});
