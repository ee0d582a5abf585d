/** An OpenAPI 3.x document, as far as the derived cases read it (everything else is kept). */
export type Json = Readonly<Record<string, unknown>>;

export interface OpenApiDocument extends Json {
  readonly openapi: string;
  readonly paths?: Readonly<Record<string, Json>>;
  readonly components?: Json;
  readonly security?: readonly Json[];
}

/** One operation of the document: a method on a path template. */
export interface Operation {
  /** Upper case: `GET`, `POST`. */
  readonly method: string;
  /** The path template as the document gives it: `/users/{id}`. */
  readonly path: string;
  /** A kebab-case name for case ids: the operationId, else method and path. */
  readonly slug: string;
  readonly operation: Json;
  /** Parameters of the path item and of the operation (the operation's win), resolved. */
  readonly parameters: readonly Json[];
}

export const OPERATION_METHODS = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
] as const;

/** RFC 9110 §9.2.1: the methods that are safe, the only ones sent without `--allow-writes`. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);

const MAX_REF_HOPS = 32;

/** Follows local `$ref`s (`#/components/…`) until a value that is not a reference. */
export function resolve(document: OpenApiDocument, value: unknown): Json | undefined {
  let current = value;
  for (let hop = 0; hop < MAX_REF_HOPS; hop++) {
    if (!isObject(current)) return undefined;
    const ref = current.$ref;
    if (typeof ref !== "string") return current;
    current = pointer(document, ref);
  }
  throw new Error(`$ref chain longer than ${MAX_REF_HOPS} hops`);
}

/** The value a local JSON pointer reference names; an external reference is an error. */
export function pointer(document: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith("#")) throw new Error(`only local $refs are supported, got ${JSON.stringify(ref)}`);
  let current: unknown = document;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (!isObject(current) || !Object.hasOwn(current, key)) {
      throw new Error(`$ref ${JSON.stringify(ref)} names nothing in the document`);
    }
    current = current[key];
  }
  return current;
}

/** Every operation, in document order. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, rawItem] of Object.entries(document.paths ?? {})) {
    const item = resolve(document, rawItem) ?? {};
    for (const method of OPERATION_METHODS) {
      const operation = resolve(document, item[method]);
      if (operation === undefined) continue;
      const parameters = new Map<string, Json>();
      for (const raw of [...arrayOf(item.parameters), ...arrayOf(operation.parameters)]) {
        const parameter = resolve(document, raw);
        if (parameter !== undefined) parameters.set(`${parameter.in}:${parameter.name}`, parameter);
      }
      operations.push({
        method: method.toUpperCase(),
        path,
        slug: slugOf(method, path, operation.operationId),
        operation,
        parameters: [...parameters.values()],
      });
    }
  }
  return operations;
}

function slugOf(method: string, path: string, operationId: unknown): string {
  const raw = typeof operationId === "string" && operationId !== "" ? operationId : `${method} ${path}`;
  const slug = raw
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return slug === "" ? method : slug;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function arrayOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}
