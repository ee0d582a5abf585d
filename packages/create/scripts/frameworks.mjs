// What a generated service takes from each sample app, and what it leaves out: the fault routes
// (GET /faults/:kind) and the `X-Fault: database` store switch exist for the conformance suite's
// fault cases only (tag `faults`), which a generated service skips. Every edit must match the
// sample exactly, so a changed sample fails the build instead of shipping a half-edited template.

/** One replacement: `find` must occur in `file` (once unless `all`), `replace` takes its place. */
const edit = (file, find, replace = "", all = false) => ({ file, find, replace, all });

/** The in-memory store's failing twin, in the Hono, Express and Fastify samples. */
const unavailableStore = edit(
  "src/user-store.ts",
  /\n\/\*\* A store whose database is down[^\n]*\nexport function unavailableUserStore\(\)[\s\S]*?\n}\n/,
  "",
);
const storeImport = edit(
  "src/app.ts",
  "import { createUserStore, type UserStore, unavailableUserStore } from",
  "import { createUserStore, type UserStore } from",
);
const downStore = edit("src/app.ts", /\n {2}const down = unavailableUserStore\(\);/, "");

/** Common devDependencies of the samples that only their OpenAPI and logging tests use. */
const sampleOnlyDevDependencies = ["@readme/openapi-parser", "@redocly/cli", "openapi-backend"];

const node = {
  tests: "node",
  entry: "dist/server.js",
  port: 3000,
  leaveOutDevDependencies: sampleOnlyDevDependencies,
};

export const frameworks = {
  hono: {
    ...node,
    label: "Hono",
    sample: "hono-sample",
    drop: ["src/faults.ts"],
    edits: [
      edit("src/app.ts", 'import { faults } from "./faults.js";\n'),
      storeImport,
      downStore,
      edit(
        "src/app.ts",
        '  // `X-Fault: database` plays a database outage for this request.\n  app.use(async (c, next) => {\n    c.set("users", c.req.header("X-Fault") === "database" ? down : store);',
        '  // Every route reads the store from the context.\n  app.use(async (c, next) => {\n    c.set("users", store);',
      ),
      edit("src/app.ts", '.route("/faults", faults)'),
      edit("src/openapi.ts", " (the fault routes left out)"),
      unavailableStore,
    ],
  },
  express: {
    ...node,
    label: "Express",
    sample: "express-sample",
    drop: ["src/routes/faults.ts"],
    edits: [
      edit("src/app.ts", 'import { faults } from "./routes/faults.js";\n'),
      storeImport,
      downStore,
      edit(
        "src/app.ts",
        '  // `X-Fault: database` plays a database outage for this request.\n  app.use((req, res, next) => {\n    res.locals.users = req.get("X-Fault") === "database" ? down : store;',
        "  // Every route reads the store from res.locals.\n  app.use((_req, res, next) => {\n    res.locals.users = store;",
      ),
      edit("src/app.ts", "app.use(users, me, openApi, faults);", "app.use(users, me, openApi);"),
      edit("src/openapi.ts", " (the fault routes left out)"),
      unavailableStore,
    ],
  },
  fastify: {
    ...node,
    label: "Fastify",
    sample: "fastify-sample",
    drop: ["src/routes/faults.ts"],
    edits: [
      edit("src/app.ts", 'import { faults } from "./routes/faults.js";\n'),
      storeImport,
      downStore,
      edit("src/app.ts", " (`X-Fault: database` plays an outage)"),
      edit(
        "src/app.ts",
        'request.users = request.headers["x-fault"] === "database" ? down : store;',
        "request.users = store;",
      ),
      edit("src/app.ts", "\n  await app.register(faults);"),
      unavailableStore,
    ],
  },
  nestjs: {
    label: "NestJS",
    sample: "nestjs-sample",
    tests: "nestjs",
    entry: "dist/main.js",
    port: 3001,
    runNote:
      "\n`NEST_PLATFORM=fastify npm start` runs it on Nest's Fastify platform (default: `express`); the tests run both.\n",
    leaveOutDevDependencies: sampleOnlyDevDependencies,
    drop: ["src/faults/faults.controller.ts"],
    edits: [
      edit("src/app.module.ts", 'import { FaultsController } from "./faults/faults.controller";\n'),
      edit("src/app.module.ts", ", FaultsController]", "]"),
      edit(
        "src/app.module.ts",
        "import { type MiddlewareConsumer, Module, type NestModule } from",
        "import { Module } from",
      ),
      edit("src/app.module.ts", "import { databaseFaultSwitch, seededUsers,", "import { seededUsers,"),
      edit(
        "src/app.module.ts",
        /export class AppModule implements NestModule \{\n {2}configure\(consumer: MiddlewareConsumer\): void \{\n {4}consumer\.apply\(databaseFaultSwitch\)\.forRoutes\("\*"\);\n {2}\}\n\}/,
        "export class AppModule {}",
      ),
      edit("src/users/user-store.ts", 'import { AsyncLocalStorage } from "node:async_hooks";\n'),
      edit(
        "src/users/user-store.ts",
        /\n\/\/ Demo switch[\s\S]*?\nexport function databaseFaultSwitch\([\s\S]*?\n}\n/,
        "",
      ),
      edit(
        "src/users/user-store.ts",
        /\n\n {2}private connect\(\): Map<string, User> \{[\s\S]*?\n {2}\}\n/,
        "\n",
      ),
      edit("src/users/user-store.ts", "this.connect()", "this.table", true),
      edit(
        "src/openapi/open-api-document.ts",
        /\n {2}\/\/ The fault routes exist for the conformance suite only[^\n]*\n {2}for \(const path of Object\.keys\(document\.paths\)\)\n {4}if \(path\.startsWith\("\/faults\/"\)\) delete document\.paths\[path\];/,
        "",
      ),
      edit("src/openapi/open-api-document.ts", ", leaves the fault routes out"),
    ],
  },
};
