import "reflect-metadata";
import { defineErrors } from "@error-contract/core";
import { Controller, Get, type INestApplication, Module, Param } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { DocumentBuilder, SwaggerModule } from "@nestjs/swagger";
import { compileErrors, validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiErrorResponses, addErrorComponents } from "./nestjs.js";

const errors = defineErrors({ gone_for_good: { status: 410, message: "Gone for good" } });

@Controller("items")
class ItemsController {
  @Get(":id")
  @ApiErrorResponses(404, 500, errors.gone_for_good)
  get(@Param("id") id: string) {
    return { id };
  }
}

@Module({ controllers: [ItemsController] })
class ItemsModule {}

describe("ApiErrorResponses and addErrorComponents (@nestjs/swagger)", () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await NestFactory.create(ItemsModule, { logger: false });
    await app.init();
  });
  afterAll(() => app.close());

  it("documents a handler's errors in a valid OpenAPI 3.1 document", async () => {
    const config = new DocumentBuilder()
      .setTitle("Items")
      .setVersion("1.0.0")
      .setOpenAPIVersion("3.1.0")
      .build();
    const document = addErrorComponents(SwaggerModule.createDocument(app, config), { catalog: errors });
    const responses = document.paths["/items/{id}"]?.get?.responses ?? {};
    // With any @ApiResponse on a handler, Nest adds no default 200: the app declares its own.
    expect(Object.keys(responses).sort()).toEqual(["404", "410", "500"]);
    expect(responses["404"]).toEqual({ $ref: "#/components/responses/NotFound", description: "Not Found" });
    expect(responses["410"]).toMatchObject({
      description: "Gone: gone_for_good",
      content: {
        "application/json": {
          schema: { allOf: [{}, { properties: { error: { enum: ["gone_for_good"] } } }] },
        },
      },
    });
    expect(document.components?.responses).toHaveProperty("Gone");
    expect(document.components?.schemas).toHaveProperty("ErrorBody");
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });
});
