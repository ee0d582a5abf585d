import "reflect-metadata";
import {
  Body,
  Controller,
  Delete,
  ForbiddenException,
  Get,
  Headers,
  HttpCode,
  Module,
  NotFoundException,
  Param,
  Post,
  UnauthorizedException,
} from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { ExpressAdapter } from "@nestjs/platform-express";

/**
 * The reference API's routes on Nest (Express) with the framework's defaults and without the
 * adapter. Decorators are applied as functions: this file needs no decorator transform.
 */
const users = new Map([
  ["usr_ada", { id: "usr_ada", email: "ada@example.com", name: "Ada" as string | null }],
]);

class UsersController {
  register(body: { email?: unknown; password?: unknown; name?: unknown }) {
    if (typeof body?.email !== "string") throw new Error("email is required"); // a plain 500
    const user = {
      id: `usr_${users.size}`,
      email: body.email,
      name: typeof body.name === "string" ? body.name : null,
    };
    users.set(user.id, user);
    return user;
  }
  get(id: string) {
    const user = users.get(id);
    if (user === undefined) throw new NotFoundException("user not found");
    return user;
  }
  remove(id: string, authorization?: string) {
    if (authorization !== "Bearer admin-token") throw new ForbiddenException();
    users.delete(id);
  }
  me(authorization?: string) {
    if (authorization !== "Bearer user-token") throw new UnauthorizedException();
    return { ...users.get("usr_ada"), role: "user" };
  }
  fault(): never {
    throw new Error("S3CRET-fault-do-not-leak");
  }
}

const route = (
  decorators: MethodDecorator[],
  name: keyof UsersController,
  params: ParameterDecorator[] = [],
) => {
  const prototype = UsersController.prototype;
  params.forEach((decorate, index) => {
    decorate(prototype, name, index);
  });
  const descriptor = Object.getOwnPropertyDescriptor(prototype, name) as PropertyDescriptor;
  for (const decorate of decorators) decorate(prototype, name, descriptor);
};
route([Post("users")], "register", [Body()]);
route([Get("users/:id")], "get", [Param("id")]);
route([Delete("users/:id"), HttpCode(204)], "remove", [Param("id"), Headers("authorization")]);
route([Get("me")], "me", [Headers("authorization")]);
route([Get("faults/:kind")], "fault");
Controller()(UsersController);

class PlainModule {}
Module({ controllers: [UsersController] })(PlainModule);

/** Starts the plain Nest app on 127.0.0.1 and gives its base URL and a way to stop it. */
export async function startPlainNest(): Promise<{ url: string; close(): Promise<void> }> {
  const app = await NestFactory.create(PlainModule, new ExpressAdapter(), { logger: false });
  await app.listen(0, "127.0.0.1");
  return { url: (await app.getUrl()).replace("[::1]", "127.0.0.1"), close: () => app.close() };
}
