import { headerRef } from "@error-contract/openapi";
import { errorResponses, registerErrorComponents } from "@error-contract/openapi/hono";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { errors } from "./errors.js";
import { RegisterBody } from "./schemas.js";

// What the routes answer on success (see users.ts and me.ts); every live answer is checked against it.
const PublicUser = z.strictObject({ id: z.string().min(1), email: z.string(), name: z.string().nullable() });
const Me = z.strictObject({ ...PublicUser.shape, role: z.enum(["user", "admin"]) });
const UserId = z.object({ id: z.string().min(1) });

const traced = { "X-Request-Id": headerRef("X-Request-Id") };
const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const bearer = [{ bearer: [] }];

/** GET /openapi.json: the OpenAPI 3.1 document of the reference API (the fault routes left out). */
export const openApi = new OpenAPIHono();

registerErrorComponents(openApi.openAPIRegistry, { catalog: errors });
openApi.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });

const routes = [
  createRoute({
    method: "post",
    path: "/users",
    operationId: "registerUser",
    summary: "Register a user",
    tags: ["users"],
    security: [],
    request: { body: { required: true, content: json(RegisterBody) } },
    responses: {
      201: {
        description: "Registered",
        headers: {
          ...traced,
          Location: { required: true, description: "/users/<id>", schema: { type: "string" } },
        },
        content: json(PublicUser),
      },
      ...errorResponses([400, 413, 415, 422, errors.email_taken, 500]),
    },
  }),
  createRoute({
    method: "get",
    path: "/users/{id}",
    operationId: "getUser",
    summary: "A user",
    tags: ["users"],
    security: [],
    request: { params: UserId },
    responses: {
      200: { description: "The user", headers: traced, content: json(PublicUser) },
      ...errorResponses([400, 404, 500]),
    },
  }),
  createRoute({
    method: "delete",
    path: "/users/{id}",
    operationId: "deleteUser",
    summary: "Delete a user (admins only)",
    tags: ["users"],
    security: bearer,
    request: { params: UserId },
    responses: {
      204: { description: "Deleted", headers: traced },
      ...errorResponses([400, 401, 403, 404, 500]),
    },
  }),
  createRoute({
    method: "get",
    path: "/me",
    operationId: "getMe",
    summary: "The caller",
    tags: ["users"],
    security: bearer,
    responses: {
      200: { description: "The caller, with their role", headers: traced, content: json(Me) },
      ...errorResponses([401, 500]),
    },
  }),
  createRoute({
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document",
    tags: ["meta"],
    security: [],
    responses: {
      200: { description: "The OpenAPI 3.1 document", headers: traced, content: json(z.looseObject({})) },
    },
  }),
];
for (const route of routes) openApi.openAPIRegistry.registerPath(route);

openApi.doc31("/openapi.json", {
  openapi: "3.1.0",
  info: {
    title: "Users (error-contract reference API)",
    version: "1.1.0",
    description:
      "Every error answers with the error contract: `ErrorBody`, or `ProblemBody` for `Accept: application/problem+json`.",
    license: { name: "MIT", url: "https://opensource.org/license/mit" },
  },
  servers: [{ url: "http://127.0.0.1:3000", description: "npm start" }],
  tags: [
    { name: "users", description: "The registration scenario" },
    { name: "meta", description: "About the API" },
  ],
});
