/**
 * Whether a concrete path is one a path template describes: literal segments equal, each
 * `{parameter}` segment any non-empty segment (a template segment may mix both: `{name}.json`).
 */
export function templateMatches(template: string, path: string): boolean {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${pattern}$`).test(path);
}
