import { errorContract, serverOptions } from "@error-contract/fastify";
import fastifySwagger from "@fastify/swagger";
import Fastify from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { errors } from "./errors.js";
import { openApi, swaggerOptions } from "./openapi.js";
import { faults } from "./routes/faults.js";
import { me } from "./routes/me.js";
import { users } from "./routes/users.js";
import { createUserStore, type UserStore, unavailableUserStore } from "./user-store.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The user store for this request (`X-Fault: database` plays an outage). */
    users: UserStore;
  }
}

/** The reference API; a fresh user store per app (tests build one each). */
export async function buildApp(store: UserStore = createUserStore()) {
  const contract = { format: "negotiate", catalog: errors } as const;
  const app = Fastify({
    ...serverOptions(contract),
    bodyLimit: 64 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(errorContract, contract);
  const down = unavailableUserStore();
  app.decorateRequest("users", null as unknown as UserStore);
  app.addHook("onRequest", async (request) => {
    request.users = request.headers["x-fault"] === "database" ? down : store;
  });
  // Before the routes: it documents every route registered after it (GET /openapi.json serves it).
  await app.register(fastifySwagger, swaggerOptions);
  await app.register(users);
  await app.register(me);
  await app.register(openApi);
  await app.register(faults);
  return app;
}
