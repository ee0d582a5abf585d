import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";

export const FRAMEWORKS = ["hono", "nestjs", "express", "fastify"] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export interface GenerateOptions {
  /** The folder to create (it must not exist, or be empty). */
  directory: string;
  framework: Framework;
  /** The package name (default: the folder's name). */
  name: string;
  /** The range written for every @error-contract/* dependency, e.g. `^0.1.0`. */
  toolkitRange: string;
  /** @error-contract/* package name → tarball path: used instead of the registry (and as overrides). */
  tarballs?: Readonly<Record<string, string>> | undefined;
  /** Where the templates are (dist/templates in the published package). */
  templates: string;
}

const NAME = "__SERVICE_NAME__";
// npm leaves `.gitignore` out of a package, so the template ships it as `gitignore`.
const RENAMED: Readonly<Record<string, string>> = { gitignore: ".gitignore" };
const NPM_NAME = /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/** Why `name` is no npm package name, or undefined when it is one. */
export function invalidName(name: string): string | undefined {
  if (name.length > 214) return "an npm package name has at most 214 characters";
  if (!NPM_NAME.test(name))
    return "an npm package name is lower case: letters, digits, - . _ ~ (and an optional @scope/)";
  return undefined;
}

function files(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path, base) : [relative(base, path)];
  });
}

/** Writes the service; returns the files written, relative to `directory`. */
export function generate(options: GenerateOptions): string[] {
  const template = join(options.templates, options.framework);
  if (!existsSync(template)) throw new Error(`no template for ${options.framework} in ${options.templates}`);
  if (existsSync(options.directory) && readdirSync(options.directory).length > 0)
    throw new Error(`${options.directory} exists and is not empty`);
  mkdirSync(options.directory, { recursive: true });
  cpSync(template, options.directory, { recursive: true });
  const written = files(options.directory);
  for (const file of written) {
    const path = join(options.directory, file);
    const text = readFileSync(path, "utf8");
    if (text.includes(NAME)) writeFileSync(path, text.replaceAll(NAME, options.name));
  }
  const pkgPath = join(options.directory, "package.json");
  writeFileSync(
    pkgPath,
    `${JSON.stringify(servicePackage(JSON.parse(readFileSync(pkgPath, "utf8")), options), null, 2)}\n`,
  );
  for (const [from, to] of Object.entries(RENAMED))
    if (existsSync(join(options.directory, from)))
      renameSync(join(options.directory, from), join(options.directory, to));
  return written.map((file) => RENAMED[file] ?? file).sort();
}

type Dependencies = Record<string, string>;
interface PackageJson {
  dependencies?: Dependencies;
  devDependencies?: Dependencies;
  overrides?: Dependencies;
  [key: string]: unknown;
}

/** The toolkit's packages at `toolkitRange`, or at the local tarballs (transitively too). */
function servicePackage(pkg: PackageJson, options: GenerateOptions): PackageJson {
  const tarballs = options.tarballs ?? {};
  for (const field of ["dependencies", "devDependencies"] as const) {
    const deps = pkg[field] ?? {};
    for (const name of Object.keys(deps)) {
      if (!name.startsWith("@error-contract/")) continue;
      const tarball = tarballs[name];
      if (options.tarballs !== undefined && tarball === undefined)
        throw new Error(`no tarball of ${name} among the local tarballs`);
      deps[name] = tarball === undefined ? options.toolkitRange : `file:${tarball}`;
    }
  }
  if (options.tarballs !== undefined)
    pkg.overrides = Object.fromEntries(
      Object.entries(tarballs).map(([name, path]) => [name, `file:${path}`]),
    );
  return pkg;
}
