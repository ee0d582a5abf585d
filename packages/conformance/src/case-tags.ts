import { runVars } from "./template.js";

/** Anything `selectCases` can pick: a reference case, a hostile case, a case from a document. */
interface Taggable {
  readonly id: string;
  readonly group?: string;
  readonly tags?: readonly string[];
  readonly request?: { readonly path: string; readonly headers?: Readonly<Record<string, string>> };
  readonly setup?: readonly { readonly request: { readonly path: string; readonly headers?: object } }[];
  readonly bytes?: (vars: ReturnType<typeof runVars>) => Uint8Array;
}

const FAULT_PATH = /^\/faults\//;

/**
 * Tags whose cases are off unless a run turns them on (`withTags`, `--with-tag`), or names the
 * tag (`tags`) or the case (`only`). `wording`: the toolkit's own English wording of an error,
 * which reference API 1.2 does not give (a service in another language or framework is never
 * failed on it); error-contract's own samples turn it on.
 */
export const OPT_IN_TAGS: ReadonlySet<string> = new Set(["wording"]);

/** Whether a run's options turn an opt-in tag on (`withTags`, or `tags` naming it). */
export function turnsOn(
  tag: string,
  options: {
    readonly tags?: readonly string[] | undefined;
    readonly withTags?: readonly string[] | undefined;
  },
): boolean {
  return options.withTags?.includes(tag) === true || options.tags?.includes(tag) === true;
}

/**
 * A case's tags: its group, its own tags, and `faults` for every case that needs the reference
 * API's fault injection (a `/faults/…` route or an `X-Fault` header), so that a service made
 * from a sample app (which leaves the fault routes out) runs `--skip-tag faults`.
 */
export function caseTags(testCase: Taggable): string[] {
  const tags = new Set<string>(testCase.tags ?? []);
  if (testCase.group !== undefined) tags.add(testCase.group);
  if (usesFaults(testCase)) tags.add("faults");
  return [...tags];
}

function usesFaults(testCase: Taggable): boolean {
  const requests = [...(testCase.setup ?? []).map((step) => step.request), testCase.request];
  for (const request of requests) {
    if (request === undefined) continue;
    if (FAULT_PATH.test(request.path)) return true;
    if (Object.keys(request.headers ?? {}).some((name) => name.toLowerCase() === "x-fault")) return true;
  }
  if (testCase.bytes !== undefined) {
    // A hostile case is bytes: its request line and header block name the path and headers.
    const head =
      new TextDecoder().decode(testCase.bytes(runVars()).subarray(0, 16 * 1024)).split("\r\n\r\n", 1)[0] ??
      "";
    return / \/faults\//.test(head.split("\r\n", 1)[0] ?? "") || /\r\nx-fault:/i.test(head);
  }
  return false;
}
