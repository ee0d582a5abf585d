import "reflect-metadata";
import type { AddressInfo } from "node:net";
import { ErrorContractModule, fastifyServerOptions } from "@error-contract/nestjs";
import fastifyHelmet from "@fastify/helmet";
import { Controller, Get, type INestApplication, Module, UseGuards } from "@nestjs/common";
import { APP_GUARD, NestFactory } from "@nestjs/core";
import { AuthGuard } from "@nestjs/passport";
import { FastifyAdapter, type NestFastifyApplication } from "@nestjs/platform-fastify";
import { ThrottlerGuard, ThrottlerModule } from "@nestjs/throttler";
import helmet from "helmet";
import passport from "passport";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { stackAnswer } from "./stack-answer.js";

// A real NestJS 11 service stack on both platforms: @nestjs/throttler and @nestjs/passport as
// their docs set them up, helmet (@fastify/helmet on Fastify), the toolkit as ours says, over real
// HTTP. Decorators are applied as functions: this project compiles without a decorator transform.

class RefusingStrategy extends passport.Strategy {
  override name = "refusing";
  override authenticate() {
    this.fail(401);
  }
}

class StackController {
  me() {
    return { id: "usr_ada" };
  }
  open() {
    return { ok: true };
  }
}
const method = (name: keyof StackController) =>
  Object.getOwnPropertyDescriptor(StackController.prototype, name) as PropertyDescriptor;
UseGuards(AuthGuard("refusing"))(StackController.prototype, "me", method("me"));
Get("me")(StackController.prototype, "me", method("me"));
Get("open")(StackController.prototype, "open", method("open"));
Controller()(StackController);

class StackModule {}
Module({
  imports: [ErrorContractModule.forRoot(), ThrottlerModule.forRoot([{ ttl: 60_000, limit: 2 }])],
  controllers: [StackController],
  providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
})(StackModule);

async function stackApp(platform: "express" | "fastify"): Promise<INestApplication> {
  passport.use(new RefusingStrategy());
  if (platform === "express") {
    const app = await NestFactory.create(StackModule, { logger: false });
    app.use(helmet());
    return app;
  }
  const adapter = new FastifyAdapter({ ...fastifyServerOptions() });
  const app = await NestFactory.create<NestFastifyApplication>(StackModule, adapter, { logger: false });
  await app.register(fastifyHelmet);
  return app;
}

const KEPT = { "strict-transport-security": /max-age=/, "x-content-type-options": "nosniff" };

describe.each(["express", "fastify"] as const)(
  "a NestJS stack on %s: throttler, passport, helmet",
  (platform) => {
    let app: INestApplication;
    let base: string;
    const log = vi.spyOn(console, "error");

    beforeAll(async () => {
      log.mockImplementation(() => {});
      app = await stackApp(platform);
      await app.listen(0, "127.0.0.1");
      base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      log.mockRestore();
      await app.close();
    });

    // helmet's headers must survive every error.
    const contractAnswer = (path: string) => stackAnswer(`${base}${path}`, {}, KEPT);

    it("@nestjs/passport's AuthGuard: a refusal is a 401 with a Bearer challenge", async () => {
      const refused = await contractAnswer("/me");
      expect([refused.status, refused.body.error]).toEqual([401, "unauthenticated"]);
      expect(refused.headers.get("www-authenticate")).toBe("Bearer");
    });

    it("@nestjs/throttler: over the limit is a 429 that keeps the Retry-After its guard set", async () => {
      let limited: Awaited<ReturnType<typeof contractAnswer>> | undefined;
      for (let attempt = 0; attempt < 3 && limited === undefined; attempt++) {
        const response = await fetch(`${base}/open`);
        if (response.status === 429) limited = await contractAnswer("/open");
        else expect(response.status).toBe(200);
      }
      expect([limited?.status, limited?.body.error]).toEqual([429, "too_many_requests"]);
      expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
    });

    it("an unknown path is a 404 with helmet's headers, and no 4xx is logged as a 5xx", async () => {
      log.mockClear();
      const missing = await contractAnswer("/nope");
      expect([missing.status, missing.body.error]).toEqual([404, "not_found"]);
      expect(log).not.toHaveBeenCalled();
    });
  },
);
