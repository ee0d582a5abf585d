export type Role = "user" | "admin";

/** A stored user. A real app would also keep a password hash, never shown in a response. */
export interface User {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

/** What the API shows of a user. */
export interface PublicUser {
  id: string;
  email: string;
  name: string | null;
}

export const toPublicUser = ({ id, email, name }: User): PublicUser => ({ id, email, name });
