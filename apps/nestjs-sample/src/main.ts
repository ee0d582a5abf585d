import { answerClientError, answerHttpEdge } from "@error-contract/core/node";
import { fastifyServerOptions, useJsonBodyParser } from "@error-contract/nestjs";
import type { INestApplication } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { FastifyAdapter } from "@nestjs/platform-fastify";
import { AppModule } from "./app.module";
import { contractOptions } from "./errors";
import { buildOpenApiDocument } from "./openapi/open-api-document";

const BODY_LIMIT = 64 * 1024;

async function createApp(platform: string): Promise<INestApplication> {
  switch (platform) {
    case "express": {
      const app = await NestFactory.create(AppModule);
      // What Node's HTTP layer answers by itself gets the contract too (Node's default: bare 400/417).
      answerHttpEdge(app.getHttpServer());
      return app;
    }
    case "fastify": {
      const app = await NestFactory.create(
        AppModule,
        new FastifyAdapter({
          ...fastifyServerOptions(contractOptions),
          clientErrorHandler: answerClientError,
        }),
      );
      answerHttpEdge(app.getHttpServer());
      return app;
    }
    default:
      throw new Error(`NEST_PLATFORM must be "express" or "fastify", not "${platform}"`);
  }
}

async function bootstrap(): Promise<void> {
  const platform = process.env.NEST_PLATFORM ?? "express";
  const host = process.env.HOST ?? "127.0.0.1";
  const port = Number(process.env.PORT ?? 3001);
  const app = await createApp(platform);
  buildOpenApiDocument(app);
  // application/json and application/*+json up to 64 KiB on either platform; larger is a 413.
  useJsonBodyParser(app, { limit: BODY_LIMIT });
  await app.listen(port, host);
  const { port: actualPort } = app.getHttpServer().address() as { port: number };
  console.log(`nestjs-sample (${platform}) listening on http://${host}:${actualPort}`);
  // Close gracefully (in-flight requests finish, shutdown hooks run), then exit with 0.
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
