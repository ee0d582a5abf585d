// The entry for what writes raw Node HTTP (Node, Bun and Deno's node:http).
export { answerClientError, type ClientErrorSocket } from "./client-error.js";
