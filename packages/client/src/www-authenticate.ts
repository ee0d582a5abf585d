// RFC 9110 section 11.6.1: `WWW-Authenticate: Bearer realm="api", error="invalid_token"`, one or
// more challenges, each a scheme with auth-params or a token68.

/** One challenge: its scheme as sent, its parameters (names lowercased), or a token68. */
export interface Challenge {
  scheme: string;
  params: Readonly<Record<string, string>>;
  token68?: string;
}

// Separators, then a token (or token68), then an optional `= value` (quoted-string or token),
// ending at a separator or the end.
const ITEM = /([\s,]*)([^\s,="]+)(?:\s*=\s*("(?:[^"\\]|\\.)*"|[^\s,"]*))?(?=[\s,]|$)/y;

/** The challenges of a `WWW-Authenticate` value; what cannot be read ends the list, never throws. */
export function parseChallenges(value: string | null | undefined): Challenge[] {
  const challenges: Challenge[] = [];
  let current: { scheme: string; params: Record<string, string>; token68?: string } | undefined;
  const text = value ?? "";
  ITEM.lastIndex = 0;
  for (let match = ITEM.exec(text); match !== null; match = ITEM.exec(text)) {
    const [, separator = "", name = "", raw] = match;
    if (raw === undefined || /^=*$/.test(raw)) {
      // A bare token: a token68 right after its scheme, else the next challenge's scheme.
      const empty =
        current !== undefined && current.token68 === undefined && Object.keys(current.params).length === 0;
      if (current !== undefined && empty && !separator.includes(",")) {
        current.token68 = raw === undefined ? name : `${name}=${raw}`;
      } else if (raw === undefined) {
        current = { scheme: name, params: Object.create(null) as Record<string, string> };
        challenges.push(current);
      }
    } else if (current !== undefined) {
      current.params[name.toLowerCase()] = raw.startsWith('"')
        ? raw.slice(1, -1).replace(/\\(.)/g, "$1")
        : raw;
    }
  }
  return challenges;
}
