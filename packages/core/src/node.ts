// The entry for what writes raw Node HTTP (Node, Bun and Deno's node:http).
export { answerClientError, type ClientErrorSocket, type InFlightResponse } from "./client-error.js";
export { answerHttpEdge, type EdgeRequest, type EdgeResponse, type EdgeServer } from "./http-edge.js";
