// A local npm registry for the release test: Verdaccio (a root devDependency) on a free
// loopback port, with its config and storage in a folder of its own. Our packages
// (@error-contract/* and create-error-contract) exist only there; every other package is
// proxied from the npm registry. Started through the one server-start helper
// (`startService` of @error-contract/conformance), stopped with the test.
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { root } from "./pack-tarballs.mjs";

const VERDACCIO = join(root, "node_modules/verdaccio/bin/verdaccio");

/** The names that are published to the local registry only (never looked up upstream). */
export const localOnly = ["@error-contract/*", "create-error-contract"];

/** A TCP port free on 127.0.0.1 now (Verdaccio prints its configured port, so 0 will not do). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function config(dir) {
  const local = localOnly
    .map(
      (pattern) => `  "${pattern}":
    access: $all
    publish: $all
    unpublish: $all`,
    )
    .join("\n");
  return `# Written by scripts/lib/registry.mjs for one run of the release test.
storage: ${JSON.stringify(join(dir, "storage"))}
auth:
  htpasswd:
    file: ${JSON.stringify(join(dir, "htpasswd"))}
    max_users: -1
uplinks:
  npmjs:
    url: https://registry.npmjs.org/
    timeout: 60s
    max_fails: 5
    # One run asks for the same third-party packages many times: fetched once, then served.
    maxage: 30m
packages:
${local}
  "**":
    access: $all
    proxy: npmjs
web:
  enable: false
middlewares:
  audit:
    enabled: false
log:
  type: stdout
  format: pretty
  level: warn
`;
}

/**
 * Starts Verdaccio with its config and storage in `dir` and writes `dir/npmrc`, a user config
 * naming this registry only, with the (fake) token npm wants before it publishes.
 * Resolves with { url, npmrc, env(extra), output(), stop() }; `env` is a clean environment for
 * npm as a user would run it (no npm_* variables inherited from `npm run`).
 */
export async function startRegistry(dir) {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  writeFileSync(join(dir, "config.yaml"), config(dir));
  const npmrc = join(dir, "npmrc");
  writeFileSync(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=release-test-fake-token\n`);
  const { startService } = await import("@error-contract/conformance");
  const service = await startService({
    args: [VERDACCIO, "--config", join(dir, "config.yaml"), "--listen", `127.0.0.1:${port}`],
    cwd: dir,
    timeoutMs: 60_000,
  });
  if (service.url !== url.replace(/\/$/, "")) {
    await service.stop();
    throw new Error(`Verdaccio listens on ${service.url}, not on ${url}:\n${service.output()}`);
  }
  return {
    url,
    npmrc,
    env: (extra = {}) => npmEnv(npmrc, extra),
    output: () => service.output(),
    stop: () => service.stop(),
  };
}

/** process.env without what `npm run` adds (npm_config_*, npm_package_*, …), with `npmrc` as the user config. */
export function npmEnv(npmrc, extra = {}) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(npm_|init_cwd$)/i.test(name)),
  );
  return {
    ...env,
    NPM_CONFIG_USERCONFIG: npmrc,
    NPM_CONFIG_UPDATE_NOTIFIER: "false",
    NPM_CONFIG_FUND: "false",
    NPM_CONFIG_AUDIT: "false",
    NO_COLOR: "1",
    FORCE_COLOR: "0",
    ...extra,
  };
}
