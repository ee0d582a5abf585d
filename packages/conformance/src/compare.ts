import type { CaseResult, RunOptions } from "./run.js";
import type { HttpResult, OutgoingRequest } from "./target.js";

/** What must be alike across services: status, code, `fields` keys, the contract's headers. */
export interface Observation {
  readonly status: number;
  /** The error body's `error` member, or null when there is none. */
  readonly code: string | null;
  /** The error body's `fields` keys, sorted (empty when none). */
  readonly fields: readonly string[];
  /** The contract's headers, normalised (see `CONTRACT_HEADERS`); an absent one is left out. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface Difference {
  readonly id: string;
  /** `status`, `code`, `fields`, `header content-type`, `answer` (a service gave none), … */
  readonly aspect: string;
  /** One value per service, in the order the services were given. */
  readonly values: readonly string[];
}

export interface Comparison {
  readonly targets: readonly string[];
  /** Cases compared (answered by every service or not). */
  readonly cases: number;
  readonly differences: readonly Difference[];
  /** The suite's own verdicts per service: the failed case ids. */
  readonly failed: Readonly<Record<string, readonly string[]>>;
}

/** Runs a suite against one service, reporting each final response through `onResponse`. */
export type SuiteRunner = (target: string, options: RunOptions) => Promise<CaseResult[]>;

const FRESH = /^[0-9a-f]{32}$/;

// Each contract header, and how it is compared (a list's order and a value's case do not count).
const CONTRACT_HEADERS: Readonly<Record<string, (value: string, request: OutgoingRequest) => string>> = {
  "content-type": (value) => value.split(";", 1)[0]?.trim().toLowerCase() ?? "",
  "cache-control": (value) => list(value.toLowerCase()),
  "www-authenticate": (value) => value.replace(/\s+/g, " ").trim(),
  allow: (value) => list(value.toUpperCase()),
  "accept-encoding": (value) => list(value.toLowerCase()),
  "retry-after": () => "(present)",
  "x-request-id": (value, request) => traceIdKind(value, request),
};

function list(value: string): string {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "")
    .sort()
    .join(", ");
}

// The trace id rule, not the id: which incoming header gave it, or a new id (ids differ per run).
function traceIdKind(value: string, request: OutgoingRequest): string {
  for (const [name, header] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    if (lower === "x-request-id" && header === value) return "(the request's x-request-id)";
    if (lower === "traceparent" && header.split("-")[1] === value) return "(the request's traceparent)";
  }
  return FRESH.test(value) ? "(new id)" : `(other) ${value}`;
}

/** The observation of one response. */
export function observe(request: OutgoingRequest, result: HttpResult): Observation {
  let body: unknown;
  try {
    body = JSON.parse(result.body);
  } catch {
    body = undefined;
  }
  const record =
    body !== null && typeof body === "object" && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  const fields =
    record.fields !== null && typeof record.fields === "object" ? Object.keys(record.fields).sort() : [];
  const headers: Record<string, string> = {};
  for (const [name, normalise] of Object.entries(CONTRACT_HEADERS)) {
    const value = result.headers.get(name);
    if (value !== null) headers[name] = normalise(value, request);
  }
  return {
    status: result.status,
    code: typeof record.error === "string" ? record.error : null,
    fields,
    headers,
  };
}

/** Every difference between the observations of one case across services. */
export function differences(id: string, observations: readonly (Observation | undefined)[]): Difference[] {
  const found: Difference[] = [];
  const aspect = (name: string, values: string[]) => {
    if (new Set(values).size > 1) found.push({ id, aspect: name, values });
  };
  if (observations.some((observation) => observation === undefined)) {
    aspect(
      "answer",
      observations.map((observation) => (observation === undefined ? "(no answer)" : "answered")),
    );
    return found;
  }
  const all = observations as readonly Observation[];
  aspect(
    "status",
    all.map((observation) => String(observation.status)),
  );
  aspect(
    "code",
    all.map((observation) => observation.code ?? "(none)"),
  );
  aspect(
    "fields",
    all.map((observation) => observation.fields.join(", ") || "(none)"),
  );
  const names = new Set(all.flatMap((observation) => Object.keys(observation.headers)));
  for (const name of Object.keys(CONTRACT_HEADERS).filter((header) => names.has(header))) {
    aspect(
      `header ${name}`,
      all.map((observation) => observation.headers[name] ?? "(absent)"),
    );
  }
  return found;
}

/**
 * Runs one suite against each service in turn and compares each case's final answers. The
 * suite's own pass/fail verdicts are kept apart: two services that fail alike do not differ.
 */
export async function compareServices(
  targets: readonly string[],
  run: SuiteRunner,
  options: RunOptions = {},
): Promise<Comparison> {
  if (targets.length < 2) throw new Error("compare needs at least two services");
  const observed = targets.map(() => new Map<string, Observation>());
  const ids: string[] = [];
  const failed: Record<string, string[]> = {};
  for (const [index, target] of targets.entries()) {
    const seen = observed[index] as Map<string, Observation>;
    const results = await run(target, {
      ...options,
      onResponse: (id, request, result) => seen.set(id, observe(request, result)),
    });
    failed[target] = results.filter((result) => !result.passed).map((result) => result.id);
    for (const result of results) if (!ids.includes(result.id)) ids.push(result.id);
  }
  const found = ids.flatMap((id) =>
    differences(
      id,
      observed.map((seen) => seen.get(id)),
    ),
  );
  return { targets, cases: ids.length, differences: found, failed };
}
