import { expressPlatform } from "./express-platform.js";
import { fastifyPlatform } from "./fastify-platform.js";
import type { NestPlatform } from "./platform.js";

/** The platform object of the app's HTTP adapter, picked once at bootstrap. */
export function platformOf(adapter: { getType(): string }): NestPlatform {
  return adapter.getType() === "fastify" ? fastifyPlatform : expressPlatform;
}
