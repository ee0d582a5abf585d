import { headerRef } from "@error-contract/openapi";
import { Controller, Get } from "@nestjs/common";
import { ApiOkResponse, ApiOperation } from "@nestjs/swagger";
import { OpenApiDocument } from "./open-api-document";

/** GET /openapi.json: the OpenAPI 3.1 document of the reference API. */
@Controller("openapi.json")
export class OpenApiController {
  constructor(private readonly document: OpenApiDocument) {}

  @Get()
  @ApiOperation({ summary: "This document", tags: ["meta"], security: [] })
  @ApiOkResponse({
    description: "The OpenAPI 3.1 document",
    headers: { "X-Request-Id": headerRef("X-Request-Id") },
    schema: { type: "object" },
  })
  get(): Record<string, unknown> {
    return this.document.get();
  }
}
