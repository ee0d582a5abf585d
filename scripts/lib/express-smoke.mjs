// The Express adapter, installed from its tarball, on the Express major of this project.
import { errorContract, json, validate } from "@error-contract/express";
import express from "express";
import { z } from "zod";

const contract = errorContract();
const app = express();
app.use(contract.traceId);
app.post("/users", json(), validate({ body: z.object({ email: z.email() }) }), (req, res) =>
  res.json(req.body),
);
app.get("/async", async () => {
  await new Promise((resolve) => setTimeout(resolve, 1));
  throw new Error("S3CRET");
});
app.use(contract.notFound, contract.errorHandler);
console.error = () => {};

const server = app.listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const expectError = async (path, init, status, code) => {
  const response = await fetch(`${base}${path}`, init);
  const body = await response.json();
  if (
    response.status !== status ||
    body.error !== code ||
    body.traceId !== response.headers.get("x-request-id")
  )
    throw new Error(`${path}: expected ${status} ${code}, got ${response.status} ${JSON.stringify(body)}`);
};
const post = (body, type = "application/json") => ({
  method: "POST",
  body,
  headers: { "content-type": type },
});
try {
  await expectError("/nope", {}, 404, "not_found");
  await expectError("/async", {}, 500, "internal_error");
  await expectError("/users", post("{"), 400, "bad_request");
  await expectError("/users", post('{"email":"x"}'), 422, "validation_failed");
  await expectError("/users", post("{}", "text/plain"), 415, "unsupported_media_type");
  await expectError("/users", post("x".repeat(70_000)), 413, "payload_too_large");
  console.log(
    `express ${(await import("express/package.json", { with: { type: "json" } })).default.version}: ok`,
  );
} finally {
  server.close();
}
