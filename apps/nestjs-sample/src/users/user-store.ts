import { Inject, Injectable, Scope } from "@nestjs/common";
import { REQUEST } from "@nestjs/core";
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

/**
 * The user store as one request sees it. Demo switch: a request with `X-Fault: database`
 * finds the database down, so every call throws (and the client gets a 500).
 */
@Injectable({ scope: Scope.REQUEST })
export class UserStore {
  private readonly databaseDown: boolean;

  constructor(
    @Inject(USER_TABLE) private readonly table: Map<string, User>,
    @Inject(REQUEST) request: { headers: Record<string, string | string[] | undefined> },
  ) {
    this.databaseDown = request.headers["x-fault"] === "database";
  }

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
    if (this.databaseDown) throw new Error("connect ECONNREFUSED 10.0.0.5:5432 (user database)");
    return this.table;
  }
}
