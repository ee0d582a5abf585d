import { JsonBody } from "@error-contract/nestjs";
import { Controller, Delete, Get, HttpCode, Param, Post, Res, UseGuards } from "@nestjs/common";
import { AdminGuard } from "../auth/admin.guard";
import { BearerAuthGuard } from "../auth/bearer-auth.guard";
import { DeleteUserDocs, GetUserDocs, RegisterDocs } from "../openapi/route-docs";
import { RegisterBody } from "./register-body";
import type { PublicUser } from "./user";
import { UsersService } from "./users.service";

/** Express's response and Fastify's reply both have `header()`. */
interface HeaderWriter {
  header(name: string, value: string): unknown;
}

@Controller("users")
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @RegisterDocs()
  register(
    @JsonBody(RegisterBody) body: RegisterBody,
    @Res({ passthrough: true }) response: HeaderWriter,
  ): PublicUser {
    const user = this.users.register(body);
    response.header("Location", `/users/${user.id}`);
    return user;
  }

  @Get(":id")
  @GetUserDocs()
  get(@Param("id") id: string): PublicUser {
    return this.users.get(id);
  }

  @Delete(":id")
  @DeleteUserDocs()
  @HttpCode(204)
  @UseGuards(BearerAuthGuard, AdminGuard)
  delete(@Param("id") id: string): void {
    this.users.delete(id);
  }
}
