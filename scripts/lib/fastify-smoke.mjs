// The Fastify adapter, installed from its tarball, on the Fastify major of this project.
import { errorContract, serverOptions, zodValidatorCompiler } from "@error-contract/fastify";
import Fastify from "fastify";
import { z } from "zod";

const app = Fastify(serverOptions());
app.setValidatorCompiler(zodValidatorCompiler);
await app.register(errorContract, { bodyLimit: 64 * 1024 });
app.post("/users", { schema: { body: z.object({ email: z.email() }) } }, async (request) => request.body);
app.get("/async", async () => {
  await new Promise((resolve) => setTimeout(resolve, 1));
  throw { statusCode: 502, message: "S3CRET" };
});
console.error = () => {};

const expectError = async (url, init, status, code) => {
  const response = await app.inject({ url, ...init });
  const body = response.json();
  if (
    response.statusCode !== status ||
    body.error !== code ||
    body.traceId !== response.headers["x-request-id"]
  )
    throw new Error(`${url}: expected ${status} ${code}, got ${response.statusCode} ${response.body}`);
};
const post = (payload, type = "application/json") => ({
  method: "POST",
  payload,
  headers: { "content-type": type },
});
try {
  await expectError("/nope", {}, 404, "not_found");
  await expectError("/async", {}, 500, "internal_error");
  await expectError("/users", post("{"), 400, "bad_request");
  await expectError("/users", post('{"email":"x"}'), 422, "validation_failed");
  await expectError("/users", post("{}", "text/plain"), 415, "unsupported_media_type");
  await expectError("/users", post("x".repeat(70_000)), 413, "payload_too_large");
  console.log(`fastify ${app.version}: ok`);
} finally {
  await app.close();
}
