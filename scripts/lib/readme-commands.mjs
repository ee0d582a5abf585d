// The install commands the READMEs show users, read from the READMEs themselves so that the
// release test runs them exactly as written.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./pack-tarballs.mjs";

/** Every command of a Markdown file: the lines of its fenced and indented code blocks, and its inline code. */
function commands(markdown) {
  const found = [];
  let fence;
  for (const line of markdown.split("\n")) {
    const marker = /^\s*(```+|~~~+)/.exec(line);
    if (marker) {
      fence = fence === undefined ? marker[1] : undefined;
      continue;
    }
    if (fence !== undefined) found.push(line);
    else if (/^ {4}\S/.test(line)) found.push(line.trim());
    else for (const [, code] of line.matchAll(/`([^`]+)`/g)) found.push(code);
  }
  return found.map((command) => command.replace(/\s+#.*$/, "").trim()).filter(Boolean);
}

/** The lines that install one of our packages from the registry (not a tarball from a clone). */
const installsFromRegistry = (command) =>
  /^npm (install|i|add) /.test(command) &&
  /@error-contract\//.test(command) &&
  !/\.tgz|\/path\/to\//.test(command);

/** The README files the install lines come from: the root one, then each package's. */
export function readmeFiles() {
  const packages = readdirSync(join(root, "packages")).map((dir) => join("packages", dir, "README.md"));
  return ["README.md", ...packages.sort()];
}

/** [{ file, command }] for each `npm install @error-contract/…` line of the READMEs, in order, once each. */
export function installLines() {
  const seen = new Set();
  const lines = [];
  for (const file of readmeFiles()) {
    for (const command of commands(readFileSync(join(root, file), "utf8")).filter(installsFromRegistry)) {
      if (seen.has(command)) continue;
      seen.add(command);
      lines.push({ file, command });
    }
  }
  return lines;
}

/**
 * The root README's block that starts a service with `npm create error-contract@latest`: its
 * lines, comments dropped, with `--framework hono` replaced by the one asked for.
 */
export function createBlock(framework) {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map(([, body]) => body);
  const block = blocks.find((body) => /^npm create error-contract@latest /m.test(body));
  if (block === undefined)
    throw new Error("README.md has no sh block with `npm create error-contract@latest`");
  const lines = block
    .split("\n")
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter(Boolean);
  const create = lines.find((line) => line.startsWith("npm create "));
  if (!create?.includes("--framework hono"))
    throw new Error(`README.md's create line does not name --framework hono: ${create}`);
  return lines.map((line) => line.replace("--framework hono", `--framework ${framework}`));
}
