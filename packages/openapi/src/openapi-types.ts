/** The slice of OpenAPI 3.1 these fragments use: plain JSON objects. */
export type JsonSchema = { [key: string]: unknown };

export interface ReferenceObject {
  $ref: string;
}

export interface HeaderObject {
  description?: string;
  required?: boolean;
  schema: JsonSchema;
}

export interface MediaTypeObject {
  schema: JsonSchema;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject | ReferenceObject>;
  content?: Record<string, MediaTypeObject>;
}

export type ResponsesObject = Record<string, ResponseObject | ReferenceObject>;
