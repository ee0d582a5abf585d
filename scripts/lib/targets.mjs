// The sample apps and the ways each one is started: the matrix of `npm start` and the pack test.
export const targets = [
  { name: "hono", app: "apps/hono-sample", script: "dist/server.js", env: {} },
  {
    name: "nest-express",
    app: "apps/nestjs-sample",
    script: "dist/main.js",
    env: { NEST_PLATFORM: "express" },
  },
  {
    name: "nest-fastify",
    app: "apps/nestjs-sample",
    script: "dist/main.js",
    env: { NEST_PLATFORM: "fastify" },
  },
  { name: "express", app: "apps/express-sample", script: "dist/server.js", env: {} },
  { name: "fastify", app: "apps/fastify-sample", script: "dist/server.js", env: {} },
];
