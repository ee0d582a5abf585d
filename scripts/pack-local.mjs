// `npm run pack:local`: builds and packs every published package into ./packs (or the folder
// given as the first argument), and prints how to install them: working from a clone, without the registry.
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { buildAll, packAll, root } from "./lib/pack-tarballs.mjs";

const destination = resolve(process.argv[2] ?? resolve(root, "packs"));
const shown = relative(process.cwd(), destination) || ".";

process.stdout.write("Building … ");
buildAll();
console.log("done.");
// Old tarballs of ours would be taken for the current ones (nothing else in the folder is touched).
for (const file of existsSync(destination) ? readdirSync(destination) : [])
  if (/^(create-)?error-contract-.*\.tgz$/.test(file)) rmSync(join(destination, file));
const tarballs = packAll(destination);
for (const path of Object.values(tarballs)) console.log(`  ${relative(process.cwd(), path)}`);

const create = tarballs["create-error-contract"];
console.log(`
Packed ${Object.keys(tarballs).length} packages into ${shown}.

Install the ones a project needs, e.g. core and the Hono adapter (hono and zod come from npm):
  npm install ${tarballs["@error-contract/core"]} ${tarballs["@error-contract/hono"]} hono zod

Or start a new service from them (hono, nestjs, express or fastify):
  npx --yes --package ${create} create-error-contract my-service --framework hono --tarballs ${destination}
  cd my-service && npm install && npm test`);
