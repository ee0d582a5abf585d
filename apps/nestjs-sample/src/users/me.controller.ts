import { Controller, Get, UseGuards } from "@nestjs/common";
import { BearerAuthGuard } from "../auth/bearer-auth.guard";
import { CurrentUser } from "../auth/current-user.decorator";
import { MeDocs } from "../openapi/route-docs";
import type { User } from "./user";

@Controller("me")
export class MeController {
  @Get()
  @MeDocs()
  @UseGuards(BearerAuthGuard)
  me(@CurrentUser() { id, email, name, role }: User) {
    return { id, email, name, role };
  }
}
