import type { CaseRequest, RequestBody, SetupStep } from "../case.js";

/** A password that meets the policy (12+ characters, a digit). */
export const STRONG_PASSWORD = "correct-horse-9-battery";
export const USER_TOKEN = { authorization: "Bearer user-token" } as const;
export const ADMIN_TOKEN = { authorization: "Bearer admin-token" } as const;
export const JSON_TYPE = { "content-type": "application/json" } as const;
export const DATABASE_FAULT = { "x-fault": "database" } as const;

/** The seeded users of the reference API. */
export const ADA = { id: "usr_ada", email: "ada@example.com", name: "Ada" } as const;
export const ROOT = { id: "usr_root", email: "root@example.com", name: "Root" } as const;

export function get(path: string, headers: Readonly<Record<string, string>> = {}): CaseRequest {
  return { method: "GET", path, headers };
}

/** POST /users with a JSON body and a JSON Content-Type (unless `headers` set another). */
export function register(value: unknown, headers: Readonly<Record<string, string>> = {}): CaseRequest {
  return {
    method: "POST",
    path: "/users",
    headers: { ...JSON_TYPE, ...headers },
    body: { kind: "json", value },
  };
}

/** POST /users with raw bytes and exactly the given headers. */
export function registerRaw(body: RequestBody, headers: Readonly<Record<string, string>>): CaseRequest {
  return { method: "POST", path: "/users", headers, body };
}

/** A setup step that registers this run's email and keeps the new user's id as `{{id}}`. */
export function registerStep(email = "{{email}}"): SetupStep {
  return {
    request: register({ email, password: STRONG_PASSWORD, name: "Conformance" }),
    status: 201,
    capture: { id: "body.id" },
  };
}
