import { type ErrorComponentsOptions, errorComponents } from "./error-components.js";

/** What `OpenAPIHono#openAPIRegistry` (@hono/zod-openapi) offers for raw components. */
export interface ComponentRegistry {
  registerComponent(type: "schemas" | "headers" | "responses", name: string, component: never): unknown;
}

/**
 * Registers the contract's components (`ErrorBody`, `ProblemBody`, its headers, one response
 * per status) with an @hono/zod-openapi app, so that routes can use `errorResponses([...])`:
 *
 *     const app = new OpenAPIHono();
 *     registerErrorComponents(app.openAPIRegistry, { catalog: errors });
 *     app.openapi(createRoute({ ..., responses: { 200: ..., ...errorResponses([404]) } }), handler);
 *     app.doc31("/openapi.json", { openapi: "3.1.0", info: { title: "Users", version: "1.0.0" } });
 */
export function registerErrorComponents(
  registry: ComponentRegistry,
  options: ErrorComponentsOptions = {},
): void {
  for (const [type, entries] of Object.entries(errorComponents(options))) {
    for (const [name, component] of Object.entries(entries)) {
      registry.registerComponent(type as "schemas", name, component as never);
    }
  }
}

export { errorResponses } from "./error-responses.js";
