/** Values a case's placeholders are filled from: run variables, captures, the response body. */
export type Vars = Readonly<Record<string, string>>;

const PLACEHOLDER = /\{\{([\w.]+)\}\}/g;

/** Fills `{{name}}` placeholders; an unknown name is left as it is, so the check shows it. */
export function fill(text: string, vars: Vars): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => vars[name] ?? whole);
}

/** Fills placeholders in every string of a JSON value. */
export function fillJson(value: unknown, vars: Vars): unknown {
  if (typeof value === "string") return fill(value, vars);
  if (Array.isArray(value)) return value.map((item) => fillJson(item, vars));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillJson(item, vars)]));
  }
  return value;
}

/** The variables of one run of a case: a unique email, so a second run meets no leftovers. */
export function runVars(): Vars {
  const suffix = crypto.randomUUID().replaceAll("-", "").slice(0, 16);
  const email = `conformance-${suffix}@example.com`;
  return { email, emailUpper: email.toUpperCase(), suffix };
}
