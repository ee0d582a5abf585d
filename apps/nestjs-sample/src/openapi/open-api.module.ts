import { Module } from "@nestjs/common";
import { OpenApiController } from "./open-api.controller";
import { OpenApiDocument } from "./open-api-document";

/** Serves GET /openapi.json; `buildOpenApiDocument(app)` in main.ts fills it. */
@Module({ controllers: [OpenApiController], providers: [OpenApiDocument] })
export class OpenApiModule {}
