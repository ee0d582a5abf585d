// `npm run pack:local`: builds and packs every published package into ./packs (or the folder
// given as the first argument), and prints how to install them, until they are on the registry.
import { rmSync } from "node:fs";
import { relative, resolve } from "node:path";
import { buildAll, packAll, root } from "./lib/pack-tarballs.mjs";

const destination = resolve(process.argv[2] ?? resolve(root, "packs"));
const shown = relative(process.cwd(), destination) || ".";

process.stdout.write("Building … ");
buildAll();
console.log("done.");
// Old tarballs would be taken for the current ones.
rmSync(destination, { recursive: true, force: true });
const tarballs = packAll(destination);
for (const path of Object.values(tarballs)) console.log(`  ${relative(process.cwd(), path)}`);

const toolkit = Object.entries(tarballs).filter(([name]) => name.startsWith("@error-contract/"));
const create = tarballs["create-error-contract"];
console.log(`
Packed ${Object.keys(tarballs).length} packages into ${shown}.

Install them into a project (add your framework's adapter, zod, and the framework itself):
  npm install ${toolkit.map(([, path]) => path).join(" ")}

Or start a new service from them (hono, nestjs, express or fastify):
  npx --yes ${create} my-service --framework hono --tarballs ${destination}
  cd my-service && npm install && npm test`);
