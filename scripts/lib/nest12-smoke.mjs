// Run by the pack test inside a temporary project with NestJS 12 and the packed tarballs:
// the Nest adapter answers with the contract on Express and Fastify. Plain ESM (NestJS 12
// is ESM-only), so decorators are applied as functions.
import "reflect-metadata";
import { expectErrorContract } from "@error-contract/conformance";
import { conflict } from "@error-contract/core";
import { ErrorContractModule } from "@error-contract/nestjs";
import { Controller, Get, HttpException, Module } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { FastifyAdapter } from "@nestjs/platform-fastify";

class Things {
  ok() {
    return { ok: true };
  }
  taken() {
    throw conflict("Taken");
  }
  native() {
    throw new HttpException("Slow down", 429);
  }
  boom() {
    throw new Error("S3CRET-fault-do-not-leak");
  }
}
for (const name of Object.getOwnPropertyNames(Things.prototype).filter((n) => n !== "constructor")) {
  Get(name)(Things.prototype, name, Object.getOwnPropertyDescriptor(Things.prototype, name));
}
Controller("things")(Things);
class AppModule {}
Module({ imports: [ErrorContractModule.forRoot({ format: "negotiate" })], controllers: [Things] })(AppModule);

for (const platform of ["express", "fastify"]) {
  const app =
    platform === "fastify"
      ? await NestFactory.create(AppModule, new FastifyAdapter(), { logger: false })
      : await NestFactory.create(AppModule, { logger: false });
  await app.listen(0, "127.0.0.1");
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  try {
    const ok = await fetch(`${base}/things/ok`);
    if (ok.status !== 200 || !ok.headers.get("x-request-id")) throw new Error(`${platform}: GET /things/ok`);
    await expectErrorContract(await fetch(`${base}/things/taken`), { status: 409, error: "conflict" });
    await expectErrorContract(await fetch(`${base}/things/native`), {
      status: 429,
      error: "too_many_requests",
    });
    const boom = await fetch(`${base}/things/boom`);
    const text = await boom.clone().text();
    if (text.includes("S3CRET")) throw new Error(`${platform}: the 500 leaks the thrown message`);
    await expectErrorContract(boom, { status: 500, error: "internal_error" });
    await expectErrorContract(await fetch(`${base}/nope`), { status: 404, error: "not_found" });
    const problem = await fetch(`${base}/nope`, { headers: { accept: "application/problem+json" } });
    if (!problem.headers.get("content-type")?.startsWith("application/problem+json")) {
      throw new Error(`${platform}: problem+json lost its media type`);
    }
  } finally {
    await app.close();
  }
}
console.log("NestJS 12: the contract holds on Express and Fastify");
