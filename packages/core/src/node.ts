// The entry for what reads and writes raw Node HTTP (Node, Bun and Deno's node:http): adapters on
// Node's request and response share these. Runtime-neutral code: no `node:` import.
export { answerClientError, type ClientErrorSocket, type InFlightResponse } from "./client-error.js";
export { answerHttpEdge, type EdgeRequest, type EdgeResponse, type EdgeServer } from "./http-edge.js";
export {
  type NodeReplyLike,
  type NodeRequestLike,
  type NodeResponseLike,
  nodeRequestFacts,
  respondOnNode,
  respondOnReply,
} from "./node-answer.js";
export {
  fromBodyParserError,
  type JsonBodyOptions,
  jsonBodyMiddleware,
  type NodeBodyRequest,
  type NodeBodyStream,
  readJsonBody,
} from "./node-body.js";
export {
  nodeTraceId,
  type TracedRequest,
  type TracedResponse,
  traceIdMiddleware,
} from "./node-trace-id.js";
