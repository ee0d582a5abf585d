import type { Comparison } from "./compare.js";

const WIDTH = 44;

/** The comparison as text: one block per difference, then a closing count. */
export function comparisonText(comparison: Comparison): string {
  const lines: string[] = [];
  const labels = comparison.targets.map((_, index) => `#${index + 1}`);
  comparison.targets.forEach((target, index) => {
    const failed = comparison.failed[target] ?? [];
    lines.push(
      `${labels[index]} ${target} (${failed.length === 0 ? "every case passed" : `${failed.length} failed: ${failed.join(",")}`})`,
    );
  });
  lines.push("");
  for (const difference of comparison.differences) {
    lines.push(`${difference.id.padEnd(WIDTH)} ${difference.aspect}`);
    for (const [index, value] of difference.values.entries()) lines.push(`  ${labels[index]} ${value}`);
  }
  const cases = new Set(comparison.differences.map((difference) => difference.id)).size;
  lines.push(
    comparison.differences.length === 0
      ? `no difference in ${comparison.cases} cases across ${comparison.targets.length} services`
      : `${comparison.differences.length} differences in ${cases} of ${comparison.cases} cases`,
  );
  return lines.join("\n");
}
