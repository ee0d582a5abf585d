import type { User, UserStore } from "./user-store.js";

// `res.locals` of this app: the store for this request, and the caller once authenticated.
declare module "express-serve-static-core" {
  interface Locals {
    users: UserStore;
    user: User;
  }
}
