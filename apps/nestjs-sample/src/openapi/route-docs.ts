import { headerRef } from "@error-contract/openapi";
import { ApiErrorResponses } from "@error-contract/openapi/nestjs";
import { applyDecorators } from "@nestjs/common";
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  type ApiResponseSchemaHost,
} from "@nestjs/swagger";
import { z } from "zod";
import { errors } from "../errors";
import { RegisterBody } from "../users/register-body";

type SchemaObject = ApiResponseSchemaHost["schema"];

// What the handlers answer on success (see users/user.ts); every live answer is checked against it.
const PublicUser = z.strictObject({ id: z.string().min(1), email: z.string(), name: z.string().nullable() });
const Me = z.strictObject({ ...PublicUser.shape, role: z.enum(["user", "admin"]) });

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of a zod schema, without `$schema`. */
function schemaOf(schema: z.ZodType): SchemaObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input" }) as Record<string, unknown>;
  return rest as SchemaObject;
}

const traced = { "X-Request-Id": headerRef("X-Request-Id") };
const publicOperation = (summary: string) => ApiOperation({ summary, tags: ["users"], security: [] });

/** The documentation of each route, beside the handler it describes (one decorator each). */
export const RegisterDocs = () =>
  applyDecorators(
    publicOperation("Register a user"),
    ApiBody({ required: true, schema: schemaOf(RegisterBody) }),
    ApiCreatedResponse({
      description: "Registered",
      headers: {
        ...traced,
        Location: { required: true, description: "/users/<id>", schema: { type: "string" } },
      },
      schema: schemaOf(PublicUser),
    }),
    ApiErrorResponses(400, 413, 415, 422, errors.email_taken, 500),
  );

export const GetUserDocs = () =>
  applyDecorators(
    publicOperation("A user"),
    ApiOkResponse({ description: "The user", headers: traced, schema: schemaOf(PublicUser) }),
    ApiErrorResponses(400, 404, 500),
  );

export const DeleteUserDocs = () =>
  applyDecorators(
    ApiOperation({ summary: "Delete a user (admins only)", tags: ["users"] }),
    ApiBearerAuth("bearer"),
    ApiNoContentResponse({ description: "Deleted", headers: traced }),
    ApiErrorResponses(400, 401, 403, 404, 500),
  );

export const MeDocs = () =>
  applyDecorators(
    ApiOperation({ summary: "The caller", tags: ["users"] }),
    ApiBearerAuth("bearer"),
    ApiOkResponse({ description: "The caller, with their role", headers: traced, schema: schemaOf(Me) }),
    ApiErrorResponses(401, 500),
  );
