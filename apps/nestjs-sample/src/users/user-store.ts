import { AsyncLocalStorage } from "node:async_hooks";
import { Inject, Injectable } from "@nestjs/common";
import type { User } from "./user";

/** The data itself: one table for the whole process (a database in a real app). */
export const USER_TABLE = Symbol("USER_TABLE");

export function seededUsers(): Map<string, User> {
  const seed: User[] = [
    { id: "usr_ada", email: "ada@example.com", name: "Ada", role: "user" },
    { id: "usr_root", email: "root@example.com", name: "Root", role: "admin" },
  ];
  return new Map(seed.map((user) => [user.id, user]));
}

// Demo switch, per request without making the provider graph request-scoped: a request with
// `X-Fault: database` finds the database down, so every call of the store throws (a 500).
const databaseDown = new AsyncLocalStorage<boolean>();

/** Middleware: the rest of the request runs with the `X-Fault` switch it was sent. */
export function databaseFaultSwitch(
  request: { headers: Record<string, string | string[] | undefined> },
  _response: unknown,
  next: () => void,
): void {
  databaseDown.run(request.headers["x-fault"] === "database", next);
}

/** The user store: one singleton, like a database client in a real app. */
@Injectable()
export class UserStore {
  constructor(@Inject(USER_TABLE) private readonly table: Map<string, User>) {}

  findById(id: string): User | undefined {
    return this.connect().get(id);
  }

  findByEmail(email: string): User | undefined {
    const wanted = email.toLowerCase();
    for (const user of this.connect().values()) if (user.email.toLowerCase() === wanted) return user;
    return undefined;
  }

  insert(user: User): void {
    this.connect().set(user.id, user);
  }

  delete(id: string): boolean {
    return this.connect().delete(id);
  }

  private connect(): Map<string, User> {
    if (databaseDown.getStore() === true)
      throw new Error("connect ECONNREFUSED 10.0.0.5:5432 (user database)");
    return this.table;
  }
}
