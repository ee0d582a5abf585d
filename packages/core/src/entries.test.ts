import { describe, expect, it } from "vitest";
import * as adapter from "./adapter.js";
import * as main from "./index.js";
import * as node from "./node.js";

// Each entry for its own audience: applications, adapter authors, Node's HTTP layer.
describe("core's entries", () => {
  it("keeps what only adapters call out of the main entry", () => {
    for (const name of [
      "createErrorPath",
      "requestBodyError",
      "answerClientError",
      "formatErrorLog",
      "fromHttpException",
      "negotiateErrorFormat",
      "formatErrorJson",
      "errorLogRecord",
      "renderError",
      "toApiError",
    ]) {
      expect(main).not.toHaveProperty(name);
    }
    expect(main).toHaveProperty("defineErrors");
    expect(main).toHaveProperty("fromZodError");
    expect(main).toHaveProperty("parseOrThrow");
    for (const name of ["readBearerToken", "jsonLogReport", "pinoReport", "serializeError"]) {
      expect(main).toHaveProperty(name);
    }
  });

  it("gives adapter authors the error path and the named body errors", () => {
    expect(typeof adapter.createErrorPath).toBe("function");
    expect(typeof adapter.requestBodyError).toBe("function");
    for (const name of [
      "malformedPath",
      "createWebErrorPath",
      "requestTargetPath",
      "isProtocolSwitch",
      "readWebJsonBody",
    ]) {
      expect(adapter).toHaveProperty(name);
    }
    expect(Object.keys(node).sort()).toEqual([
      "answerClientError",
      "answerHttpEdge",
      "fromBodyParserError",
      "jsonBodyMiddleware",
      "nodeRequestFacts",
      "nodeTraceId",
      "readJsonBody",
      "respondOnNode",
      "respondOnReply",
      "traceIdMiddleware",
      "writeNodeAnswer",
    ]);
  });
});
