import { notFound } from "@error-contract/core";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";

// For the conformance suite only: delete this file (and its route in app.ts) in your own API.
const SECRET = "S3CRET-fault-do-not-leak";

/** GET /faults/:kind: everything thrown becomes the contract, and the secret never leaks. */
export const faults = new Hono().get("/:kind", async (c) => {
  switch (c.req.param("kind")) {
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
      throw new HTTPException(404);
    case "native-429":
      throw new HTTPException(429);
    default:
      throw notFound("No such fault kind");
  }
});
