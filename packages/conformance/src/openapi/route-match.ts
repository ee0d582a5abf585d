/**
 * The concrete paths a path template describes: literal segments equal, each `{parameter}` any
 * non-empty segment (a template segment may mix both: `{name}.json`). Compile once, test often.
 */
export function templateMatcher(template: string): RegExp {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${pattern}$`);
}
