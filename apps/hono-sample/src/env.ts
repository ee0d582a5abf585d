import type { ContractEnv } from "@error-contract/hono";
import type { User, UserStore } from "./user-store.js";

/** The app's context variables: the trace id (set by error-contract), the store, the caller. */
export type AppEnv = {
  Variables: ContractEnv["Variables"] & { users: UserStore };
};

/** After `requireUser`: the authenticated caller. */
export type AuthEnv = {
  Variables: AppEnv["Variables"] & { user: User };
};
