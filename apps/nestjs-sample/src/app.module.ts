import { ErrorContractModule } from "@error-contract/nestjs";
import { type MiddlewareConsumer, Module, type NestModule } from "@nestjs/common";
import { contractOptions } from "./errors";
import { FaultsController } from "./faults/faults.controller";
import { OpenApiModule } from "./openapi/open-api.module";
import { MeController } from "./users/me.controller";
import { databaseFaultSwitch, seededUsers, USER_TABLE, UserStore } from "./users/user-store";
import { UsersController } from "./users/users.controller";
import { UsersService } from "./users/users.service";

@Module({
  imports: [ErrorContractModule.forRoot(contractOptions), OpenApiModule],
  controllers: [UsersController, MeController, FaultsController],
  providers: [{ provide: USER_TABLE, useFactory: seededUsers }, UserStore, UsersService],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(databaseFaultSwitch).forRoutes("*");
  }
}
