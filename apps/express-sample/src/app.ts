import "./locals.js";
import { errorContract } from "@error-contract/express";
import express from "express";
import { errors } from "./errors.js";
import { faults } from "./routes/faults.js";
import { me } from "./routes/me.js";
import { openApi } from "./routes/openapi.js";
import { users } from "./routes/users.js";
import { createUserStore, type UserStore, unavailableUserStore } from "./user-store.js";

/** The reference API; a fresh user store per app (tests build one each). */
export function createApp(store: UserStore = createUserStore()) {
  const contract = errorContract({ format: "negotiate", catalog: errors });
  const down = unavailableUserStore();
  const app = express();
  app.disable("x-powered-by");
  app.disable("etag");
  // Paths match exactly: /USERS and /users/usr_ada/ are other paths (the routers say the same).
  app.set("case sensitive routing", true);
  app.set("strict routing", true);
  app.use(contract.traceId);
  // `X-Fault: database` plays a database outage for this request.
  app.use((req, res, next) => {
    res.locals.users = req.get("X-Fault") === "database" ? down : store;
    next();
  });
  // Each router names its full paths: a router mounted at "/me" would also answer "/me/".
  app.use(users, me, openApi, faults);
  app.use(contract.notFound);
  app.use(contract.errorHandler);
  return app;
}
