import { addErrorComponents } from "@error-contract/openapi/nestjs";
import { type INestApplication, Injectable } from "@nestjs/common";
import { DocumentBuilder, SwaggerModule } from "@nestjs/swagger";
import { errors } from "../errors";

/** The OpenAPI 3.1 document of the app, built once from its controllers at start-up. */
@Injectable()
export class OpenApiDocument {
  private document: Record<string, unknown> | undefined;

  get(): Record<string, unknown> {
    if (this.document === undefined)
      throw new Error("OpenApiDocument: buildOpenApiDocument(app) was not called");
    return this.document;
  }

  set(document: Record<string, unknown>): void {
    this.document = document;
  }
}

/** Scans the app's controllers (@nestjs/swagger), adds the contract's components, leaves the fault routes out. */
export function buildOpenApiDocument(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setOpenAPIVersion("3.1.0")
    .setTitle("Users (error-contract reference API)")
    .setVersion("1.1.0")
    .setDescription(
      "Every error answers with the error contract: `ErrorBody`, or `ProblemBody` for `Accept: application/problem+json`.",
    )
    .setLicense("MIT", "https://opensource.org/license/mit")
    .addServer("http://127.0.0.1:3001", "npm start")
    .addTag("users", "The registration scenario")
    .addTag("meta", "About the API")
    .addBearerAuth({ type: "http", scheme: "bearer" }, "bearer")
    .build();
  const document = addErrorComponents(SwaggerModule.createDocument(app, config), { catalog: errors });
  // The fault routes exist for the conformance suite only (reference-api.md).
  for (const path of Object.keys(document.paths))
    if (path.startsWith("/faults/")) delete document.paths[path];
  app.get(OpenApiDocument).set(document as unknown as Record<string, unknown>);
}
