import { type ErrorComponentsOptions, errorComponents } from "./error-components.js";

export interface CreateDocumentOptions extends ErrorComponentsOptions {
  info: { title: string; version: string; description?: string };
  /** The operations, with `errorResponses(...)` in their `responses`. */
  paths: Record<string, unknown>;
  servers?: ReadonlyArray<{ url: string; description?: string }>;
  /** More components (security schemes, success schemas), merged with the contract's. */
  components?: Record<string, Record<string, unknown>>;
  security?: ReadonlyArray<Record<string, readonly string[]>>;
  tags?: ReadonlyArray<{ name: string; description?: string }>;
}

/** A whole OpenAPI 3.1 document with the contract's components: the plain builder (Express and any other server). */
export function createDocument(options: CreateDocumentOptions): Record<string, unknown> {
  const { info, paths, servers, security, tags, catalog, components = {} } = options;
  const contract = errorComponents({ catalog });
  const merged: Record<string, Record<string, unknown>> = { ...components };
  for (const [kind, entries] of Object.entries(contract)) {
    merged[kind] = { ...(components[kind] ?? {}), ...entries };
  }
  return {
    openapi: "3.1.0",
    info,
    ...(servers ? { servers } : {}),
    ...(security ? { security } : {}),
    ...(tags ? { tags } : {}),
    paths,
    components: merged,
  };
}
