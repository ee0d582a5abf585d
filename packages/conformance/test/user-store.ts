import { defineErrors, notFound } from "@error-contract/core";

export interface User {
  id: string;
  email: string;
  name: string | null;
  role: "user" | "admin";
}

export const errors = defineErrors({
  email_taken: { status: 409, message: "Email already registered" },
});

const SEED: readonly User[] = [
  { id: "usr_ada", email: "ada@example.com", name: "Ada", role: "user" },
  { id: "usr_root", email: "root@example.com", name: "Root", role: "admin" },
];

/** The reference API's users, in memory, seeded with Ada and Root. */
export class UserStore {
  readonly #users = new Map(SEED.map((user) => [user.id, { ...user }]));

  constructor(private readonly caseSensitiveEmails = false) {}

  create(email: string, name: string | null): User {
    const key = this.#key(email);
    if ([...this.#users.values()].some((user) => this.#key(user.email) === key)) throw errors.email_taken();
    const user: User = {
      id: `usr_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`,
      email,
      name,
      role: "user",
    };
    this.#users.set(user.id, user);
    return user;
  }

  find(id: string): User | undefined {
    return this.#users.get(id);
  }

  get(id: string): User {
    const user = this.#users.get(id);
    if (user === undefined) throw notFound("No such user");
    return user;
  }

  delete(id: string): void {
    if (!this.#users.delete(id)) throw notFound("No such user");
  }

  #key(email: string): string {
    return this.caseSensitiveEmails ? email : email.toLowerCase();
  }
}
