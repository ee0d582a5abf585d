import { randomBytes } from "node:crypto";
import { notFound } from "@error-contract/core";
import { Injectable } from "@nestjs/common";
import { errors } from "../errors";
import type { RegisterBody } from "./register-body";
import { type PublicUser, toPublicUser } from "./user";
import { UserStore } from "./user-store";

@Injectable()
export class UsersService {
  constructor(private readonly store: UserStore) {}

  register({ email, name }: RegisterBody): PublicUser {
    if (this.store.findByEmail(email)) throw errors.email_taken();
    // A real app hashes the password here and stores the hash.
    const user = {
      id: `usr_${randomBytes(8).toString("hex")}`,
      email,
      name: name ?? null,
      role: "user" as const,
    };
    this.store.insert(user);
    return toPublicUser(user);
  }

  get(id: string): PublicUser {
    const user = this.store.findById(id);
    if (!user) throw notFound("No such user");
    return toPublicUser(user);
  }

  delete(id: string): void {
    if (!this.store.delete(id)) throw notFound("No such user");
  }
}
