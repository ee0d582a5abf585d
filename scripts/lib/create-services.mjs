// Generates a service with create-error-contract, installs it from packed tarballs outside the
// workspace, and runs its own `npm test`, its typecheck and the conformance CLI against it:
// shared by scripts/create-test.mjs and scripts/test/create-services.test.ts.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { root } from "./pack-tarballs.mjs";

const exec = promisify(execFile);
const CLI = join(root, "packages/create/dist/cli.js");

/** How each framework's service is started for the CLI: one run per Nest platform. */
export const platforms = {
  hono: [{ name: "hono", env: {} }],
  nestjs: [
    { name: "nest-express", env: { NEST_PLATFORM: "express" } },
    { name: "nest-fastify", env: { NEST_PLATFORM: "fastify" } },
  ],
  express: [{ name: "express", env: {} }],
  fastify: [{ name: "fastify", env: {} }],
};

const QUIET = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", npm_config_update_notifier: "false" };

async function run(command, args, cwd, what) {
  try {
    return await exec(command, args, { cwd, env: QUIET, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new Error(
      `${what} failed (${command} ${args.join(" ")} in ${cwd}):\n${error.stdout ?? ""}${error.stderr ?? ""}`,
    );
  }
}

/** How many tests vitest's summary in `stdout` counts as passed; throws if it reports a failure or no summary. */
export function passedTests(stdout, what) {
  const summary = /Tests\s+[^\n]*/.exec(stdout)?.[0];
  if (summary === undefined || /failed/i.test(summary))
    throw new Error(`${what} reported failures:\n${stdout}`);
  return Number(/Tests\s+(\d+) passed/.exec(stdout)?.[1] ?? Number.NaN);
}

/** Runs the CLI as a user would, from outside the workspace: `<dir>` with `--tarballs`. */
export async function generateService(framework, dir, tarballsDir) {
  await run(
    process.execPath,
    [CLI, dir, "--framework", framework, "--tarballs", tarballsDir],
    join(dir, ".."),
    `create ${framework}`,
  );
}

/**
 * npm install, npm test (which builds first), the conformance CLI (`error-contract check
 * --skip-tag faults`) against the built service on each platform, then npm run typecheck.
 * Resolves with the figures: { tests, cli: [{ name, passed, cases }] }.
 */
export async function checkService(framework, dir, log = () => {}, { typecheck = true } = {}) {
  await run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--loglevel=error"],
    dir,
    `${framework}: npm install`,
  );
  log(`${framework}: installed`);
  const test = await run("npm", ["test"], dir, `${framework}: npm test`);
  const tests = passedTests(test.stdout, `${framework}: npm test`);
  log(`${framework}: npm test, ${tests} passed`);
  const start = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).scripts.start.split(" ");
  const cli = [];
  // The service's own copy (from the tarball): the workspace's dist may be being rebuilt.
  const installed = join(dir, "node_modules/@error-contract/conformance/dist/index.js");
  const { startService } = await import(pathToFileURL(installed).href);
  for (const platform of platforms[framework]) {
    const service = await startService({
      command: start[0],
      args: start.slice(1),
      cwd: dir,
      env: platform.env,
    });
    try {
      // The CLI the service installed from the tarball, as its README runs it.
      const { stdout } = await run(
        "npx",
        ["--no-install", "error-contract", "check", service.url, "--skip-tag", "faults", "--json"],
        dir,
        `${platform.name}: error-contract check`,
      );
      const { passed, total } = JSON.parse(stdout);
      cli.push({ name: platform.name, passed, cases: total });
      log(`${platform.name}: error-contract check, ${passed}/${total} passed`);
    } finally {
      await service.stop();
    }
  }
  if (typecheck) {
    await run("npm", ["run", "typecheck"], dir, `${framework}: npm run typecheck`);
    log(`${framework}: npm run typecheck, no errors`);
  }
  return { tests, cli };
}
