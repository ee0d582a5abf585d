// Test support (not exported): a small Nest app on a real port, on either platform.
import type { INestApplication, LoggerService, ModuleMetadata } from "@nestjs/common";
import { ExpressAdapter } from "@nestjs/platform-express";
import { FastifyAdapter } from "@nestjs/platform-fastify";
import { Test } from "@nestjs/testing";
import { afterAll, beforeAll, vi } from "vitest";

export const platforms = ["express", "fastify"] as const;
export type Platform = (typeof platforms)[number];

export interface TestApp {
  app: INestApplication;
  url: string;
  /** Every line Nest's logger was given, as "level: message". */
  logs: string[];
  close(): Promise<void>;
}

export async function startApp(
  platform: Platform,
  metadata: ModuleMetadata,
  setup?: (app: INestApplication) => void,
  fastifyOptions: ConstructorParameters<typeof FastifyAdapter>[0] = {},
): Promise<TestApp> {
  const logs: string[] = [];
  const record =
    (level: string) =>
    (message: unknown): void => {
      logs.push(`${level}: ${String(message)}`);
    };
  const logger: LoggerService = {
    log: () => {},
    error: record("error"),
    warn: record("warn"),
    debug: () => {},
    verbose: () => {},
  };
  const moduleRef = await Test.createTestingModule(metadata).compile();
  const adapter = platform === "fastify" ? new FastifyAdapter(fastifyOptions) : new ExpressAdapter();
  const app = moduleRef.createNestApplication(adapter, { logger });
  setup?.(app);
  await app.listen(0, "127.0.0.1");
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}`, logs, close: () => app.close() };
}

/** The lines written to `console.error` (where core's default report writes) until `restore()`. */
export function captureConsoleError(): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "error").mockImplementation((line: unknown) => {
    lines.push(String(line));
  });
  return { lines, restore: () => spy.mockRestore() };
}

/**
 * `startApp` for a describe block's tests: started before them and closed after, with
 * `console.error` (where core's default report writes) captured meanwhile.
 */
export function appForTests(platform: Platform, metadata: ModuleMetadata) {
  const running = {
    server: undefined as unknown as TestApp,
    log: undefined as unknown as ReturnType<typeof captureConsoleError>,
  };
  beforeAll(async () => {
    running.log = captureConsoleError();
    running.server = await startApp(platform, metadata);
  });
  afterAll(async () => {
    await running.server?.close();
    running.log?.restore();
  });
  return running;
}
