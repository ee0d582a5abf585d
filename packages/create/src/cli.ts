#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { basename, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { FRAMEWORKS, type Framework, generate, invalidName } from "./generate.js";
import { localTarballs } from "./local-tarballs.js";

const USAGE = `Usage: create-error-contract <directory> --framework <${FRAMEWORKS.join("|")}> [options]
       npm create error-contract -- <directory> --framework <${FRAMEWORKS.join("|")}> [options]

Creates a standalone service in <directory> from the error-contract sample app of that
framework (the reference API without its fault routes), with its own package.json, tsconfig,
vitest config, README and conformance tests.

Options:
  -f, --framework <name>  ${FRAMEWORKS.join(", ")}
  --name <name>           the package name (default: the directory's name)
  --tarballs <dir>        take @error-contract/* from the tarballs in <dir> (npm pack's
                          error-contract-*.tgz) instead of the npm registry
  --version               print the version
  -h, --help              show this help

Exit status: 0 when the service was written, 1 when it could not be (a non-empty
directory), 2 for a usage error.`;

class UsageError extends Error {}

const own = JSON.parse(readFileSync(fileURLToPath(new URL("../package.json", import.meta.url)), "utf8")) as {
  version: string;
};

function main(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      framework: { type: "string", short: "f" },
      name: { type: "string" },
      tarballs: { type: "string" },
      version: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.version) {
    console.log(own.version);
    return 0;
  }
  const [target, ...extra] = positionals;
  if (target === undefined) throw new UsageError("name the directory to create");
  if (extra.length > 0) throw new UsageError(`one directory only, not also ${extra.join(" ")}`);
  const framework = values.framework;
  if (framework === undefined) throw new UsageError(`--framework is required: ${FRAMEWORKS.join(", ")}`);
  if (!(FRAMEWORKS as readonly string[]).includes(framework))
    throw new UsageError(`--framework must be one of ${FRAMEWORKS.join(", ")}, not "${framework}"`);
  const directory = resolve(target);
  const name = values.name ?? basename(directory);
  const problem = invalidName(name);
  if (problem !== undefined) throw new UsageError(`"${name}" is no package name: ${problem} (use --name)`);
  const tarballs = values.tarballs === undefined ? undefined : localTarballs(resolve(values.tarballs));
  const written = generate({
    directory,
    framework: framework as Framework,
    name,
    toolkitRange: `^${own.version}`,
    tarballs,
    templates: fileURLToPath(new URL("./templates", import.meta.url)),
  });
  const shown = relative(process.cwd(), directory) || ".";
  console.log(`Created ${name} (${framework}) in ${shown}: ${written.length} files.

Next:
  cd ${shown}
  npm install
  npm test        # builds, then the conformance suite against the built service
  npm start`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const usage =
    error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
  console.error(`create-error-contract: ${error instanceof Error ? error.message : String(error)}`);
  if (usage) console.error(`\n${USAGE}`);
  process.exitCode = usage ? 2 : 1;
}
