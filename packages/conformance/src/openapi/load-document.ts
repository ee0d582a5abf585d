import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { isObject, type OpenApiDocument } from "./document.js";

const FETCH_TIMEOUT_MS = 10_000;

/**
 * Reads an OpenAPI 3.x document from a file or an http(s) URL, JSON or YAML. `headers` go with
 * the request for a URL (a document behind the same credentials as the API).
 */
export async function loadDocument(
  source: string,
  headers: Readonly<Record<string, string>> = {},
): Promise<OpenApiDocument> {
  const text = /^https?:\/\//i.test(source)
    ? await download(source, headers)
    : await readFile(source, "utf8");
  let parsed: unknown;
  try {
    parsed =
      source.endsWith(".json") || text.trimStart().startsWith("{") ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new Error(`${source} is neither JSON nor YAML: ${(error as Error).message}`);
  }
  return asDocument(parsed, source);
}

/** Checks that a parsed value is an OpenAPI 3.x document (Swagger 2.0 is refused by name). */
export function asDocument(value: unknown, source = "the document"): OpenApiDocument {
  if (!isObject(value)) throw new Error(`${source} is not an OpenAPI document (not an object)`);
  if (typeof value.swagger === "string") {
    throw new Error(`${source} is Swagger ${value.swagger}: convert it to OpenAPI 3.x first`);
  }
  if (typeof value.openapi !== "string" || !value.openapi.startsWith("3.")) {
    throw new Error(`${source} is not an OpenAPI 3.x document (openapi: ${JSON.stringify(value.openapi)})`);
  }
  if (value.paths !== undefined && !isObject(value.paths))
    throw new Error(`${source}: paths is not an object`);
  return value as OpenApiDocument;
}

async function download(url: string, headers: Readonly<Record<string, string>>): Promise<string> {
  const response = await fetch(url, {
    headers: { accept: "application/json, application/yaml;q=0.9, */*;q=0.1", ...headers },
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response.text();
}
