/**
 * A short string a regular expression (an OpenAPI `pattern`) matches, or undefined when the
 * expression uses what this does not read (lookarounds, backreferences) or the string built does
 * not match after all. Reads literals, escapes (`\d`, `\w`, `\s`, `\.`), classes (`[a-f0-9_-]`,
 * negated ones), groups with alternatives (the first is taken), anchors and quantifiers (their
 * least count, at least one for `+`).
 */
export function patternSample(pattern: string): string | undefined {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, "u");
  } catch {
    return undefined;
  }
  try {
    const reader = { source: pattern, at: 0 };
    const built = alternatives(reader);
    return reader.at === pattern.length && regex.test(built) ? built : undefined;
  } catch {
    return undefined;
  }
}

interface Reader {
  readonly source: string;
  at: number;
}

const UNREAD = new Error("a construct the sampler does not read");

// `a|b|c` up to the end or a closing parenthesis: the first alternative's string.
function alternatives(reader: Reader): string {
  const first = sequence(reader);
  while (reader.source[reader.at] === "|") {
    reader.at++;
    sequence(reader);
  }
  return first;
}

function sequence(reader: Reader): string {
  let out = "";
  for (;;) {
    const char = reader.source[reader.at];
    if (char === undefined || char === "|" || char === ")") return out;
    if (char === "^" || char === "$") {
      reader.at++;
      continue;
    }
    const atom = readAtom(reader);
    out += atom.repeat(quantifier(reader));
  }
}

function readAtom(reader: Reader): string {
  const char = reader.source[reader.at++] as string;
  if (char === "(") {
    if (reader.source[reader.at] === "?") {
      if (reader.source[reader.at + 1] !== ":") throw UNREAD;
      reader.at += 2;
    }
    const inner = alternatives(reader);
    if (reader.source[reader.at++] !== ")") throw UNREAD;
    return inner;
  }
  if (char === "[") return classSample(reader);
  if (char === "\\") return escapeSample(reader, false);
  if (char === ".") return "a";
  if ("*+?{".includes(char)) throw UNREAD;
  return char;
}

// The least count a quantifier allows (at least one for `+`), lazy `?` after it skipped.
function quantifier(reader: Reader): number {
  const char = reader.source[reader.at];
  let count = 1;
  if (char === "*" || char === "?") {
    reader.at++;
    count = 0;
  } else if (char === "+") reader.at++;
  else if (char === "{") {
    const match = /^\{(\d+)(,\d*)?\}/.exec(reader.source.slice(reader.at));
    if (match === null) throw UNREAD;
    reader.at += match[0].length;
    count = Number(match[1]);
  } else return 1;
  if (reader.source[reader.at] === "?") reader.at++;
  return count;
}

const ESCAPES: Readonly<Record<string, string>> = { d: "0", w: "a", s: " ", n: "\n", t: "\t", r: "\r" };

function escapeSample(reader: Reader, inClass: boolean): string {
  const char = reader.source[reader.at++];
  if (char === undefined) throw UNREAD;
  if (Object.hasOwn(ESCAPES, char)) return ESCAPES[char] as string;
  if (/[0-9DWSbBkpPux]/.test(char) && !(inClass && char === "b")) throw UNREAD;
  return char;
}

// A class's first member; a negated class gets the first of a few characters it does not exclude.
function classSample(reader: Reader): string {
  const negated = reader.source[reader.at] === "^";
  if (negated) reader.at++;
  const open = reader.at;
  const members: string[] = [];
  let first = true;
  for (;;) {
    const char = reader.source[reader.at++];
    if (char === undefined) throw UNREAD;
    if (char === "]" && !first) break;
    first = false;
    let start = char === "\\" ? escapeSample(reader, true) : char;
    if (char === "\\" && "dws".includes(reader.source[reader.at - 1] as string)) {
      members.push(start);
      continue;
    }
    if (reader.source[reader.at] === "-" && reader.source[reader.at + 1] !== "]") {
      reader.at++;
      const endChar = reader.source[reader.at++] as string;
      const end = endChar === "\\" ? escapeSample(reader, true) : endChar;
      members.push(`${start}-${end}`);
      start = "";
    }
    if (start !== "") members.push(start);
  }
  if (!negated) {
    const firstMember = members[0];
    if (firstMember === undefined) throw UNREAD;
    return firstMember[0] as string;
  }
  const excluded = new RegExp(`[${reader.source.slice(open, reader.at - 1)}]`, "u");
  const free = ["a", "0", "z", "A", "_", "-", "x"].find((candidate) => !excluded.test(candidate));
  if (free === undefined) throw UNREAD;
  return free;
}
