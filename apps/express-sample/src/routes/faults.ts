import { notFound } from "@error-contract/core";
import createError from "http-errors";
import { exactRouter } from "../router.js";

// For the conformance suite only: delete this file (and its route in app.ts) in your own API.
const SECRET = "S3CRET-fault-do-not-leak";

/** GET /faults/:kind: everything thrown becomes the contract, and the secret never leaks. */
export const faults = exactRouter();

// Async: Express 5 passes a rejection to the error handler, even one without a value (`throw null`).
faults.get("/faults/:kind", async (req) => {
  switch (req.params.kind) {
    case "error":
      throw new Error(SECRET);
    case "string":
      throw SECRET;
    case "null":
      throw null;
    case "undefined":
      throw undefined;
    case "object":
      throw { message: SECRET };
    case "async":
      await new Promise((resolve) => setTimeout(resolve, 1));
      throw new Error(SECRET);
    case "duck":
      throw { statusCode: 502, status: 502, message: SECRET };
    case "native-404":
      throw createError(404);
    case "native-429":
      throw createError(429);
    default:
      throw notFound("No such fault kind");
  }
});
