import { isJsonContentType } from "@error-contract/core/adapter";
import type { INestApplication } from "@nestjs/common";
import { declaredTooLarge } from "./platform-errors.js";

export interface JsonBodyOptions {
  /** The largest body accepted, in bytes; a larger one is a 413. */
  limit: number;
}

// `application/<anything>+json`, with or without parameters (Fastify tests the normalized type).
const SUFFIX_JSON = /^application\/[^\s;/]+\+json(?:;|$)/;

type BodyParserApp = INestApplication & { useBodyParser(...args: unknown[]): unknown };
type FastifyJsonParser = (
  request: unknown,
  body: Buffer,
  done: (error: Error | null, value?: unknown) => void,
) => void;

/**
 * Call before `app.listen()`: parses `application/json` and `application/*+json` bodies up to
 * `limit` bytes, the same on Express and Fastify (Express skips `+json` by default, Fastify's
 * limit is a server option). Oversized bodies then reach the filter as a 413.
 */
export function useJsonBodyParser(app: INestApplication, { limit }: JsonBodyOptions): void {
  const nest = app as BodyParserApp;
  const adapter = app.getHttpAdapter();
  if (adapter.getType() === "fastify") {
    const fastify = adapter.getInstance() as {
      getDefaultJsonParser(onProto: string, onConstructor: string): FastifyJsonParser;
    };
    // `__proto__` and `constructor.prototype` keys are dropped, never followed: a body that
    // carries them is valid JSON (an unknown key, ignored as on Express), not a 400.
    const parse = fastify.getDefaultJsonParser("remove", "remove");
    nest.useBodyParser("application/json", { bodyLimit: limit }, parse);
    nest.useBodyParser(SUFFIX_JSON, { bodyLimit: limit }, parse);
    return;
  }
  // body-parser reads a refused body to its end before answering: a declared length over the
  // limit is refused first, or a client that never sends it would wait for ever.
  nest.use(
    (
      request: { headers: Record<string, string | undefined> },
      _response: unknown,
      next: (error?: unknown) => void,
    ) => {
      const declared = Number(request.headers["content-length"] ?? 0);
      next(
        declared > limit && isJsonContentType(request.headers["content-type"])
          ? declaredTooLarge()
          : undefined,
      );
    },
  );
  nest.useBodyParser("json", {
    limit,
    type: (request: { headers: Record<string, string | undefined> }) =>
      isJsonContentType(request.headers["content-type"]),
  });
}
