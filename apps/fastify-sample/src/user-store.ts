export interface User {
  id: string;
  email: string;
  name: string | null;
  role: "user" | "admin";
}

/** Where users live; async like the database a real app puts behind it. */
export interface UserStore {
  findById(id: string): Promise<User | undefined>;
  findByEmail(email: string): Promise<User | undefined>;
  create(input: Pick<User, "email" | "name">): Promise<User>;
  delete(id: string): Promise<boolean>;
}

const SEED: readonly User[] = [
  { id: "usr_ada", email: "ada@example.com", name: "Ada", role: "user" },
  { id: "usr_root", email: "root@example.com", name: "Root", role: "admin" },
];

/** An in-memory store with the two demo users. */
export function createUserStore(): UserStore {
  const users = new Map(SEED.map((user) => [user.id, { ...user }]));
  return {
    async findById(id) {
      return users.get(id);
    },
    async findByEmail(email) {
      const wanted = email.toLowerCase();
      return [...users.values()].find((user) => user.email.toLowerCase() === wanted);
    },
    async create({ email, name }) {
      const user: User = { id: `usr_${crypto.randomUUID().replaceAll("-", "")}`, email, name, role: "user" };
      users.set(user.id, user);
      return user;
    },
    async delete(id) {
      return users.delete(id);
    },
  };
}

/** A store whose database is down: what the `X-Fault: database` request header switches to. */
export function unavailableUserStore(): UserStore {
  const fail = async (): Promise<never> => {
    throw new Error("user store: connection refused (X-Fault: database)");
  };
  return { findById: fail, findByEmail: fail, create: fail, delete: fail };
}
