import { ADA } from "../cases/requests.js";
import { checkResponse } from "../check-response.js";
import { failureReason } from "../target.js";
import { RawConnection } from "./raw-connection.js";
import { bytes, head, postJson } from "./raw-request.js";

const PROBE_MS = 10_000;

/**
 * Proves the server still serves after a hostile case: `GET /users/usr_ada` answers Ada on a new
 * connection; with `pollution`, `POST /users {}` still misses exactly email and password, so no
 * prototype gained those members.
 */
export async function probeServer(url: URL, pollution: boolean): Promise<string[]> {
  const problems = await probe(
    url,
    "GET",
    bytes(head("GET", "/users/usr_ada", { Connection: "close" })),
    (response) => checkResponse(response, { status: 200, body: { equals: ADA } }, { method: "GET" }),
  );
  if (!pollution) return problems;
  return problems.concat(
    await probe(url, "POST", postJson("{}"), (response) =>
      checkResponse(
        response,
        { status: 400, fields: ["email", "password"] },
        { method: "POST", exactFields: true },
      ),
    ),
  );
}

async function probe(
  url: URL,
  method: string,
  request: Uint8Array,
  check: (response: NonNullable<Awaited<ReturnType<RawConnection["readResponse"]>>>) => string[],
): Promise<string[]> {
  const what = method === "GET" ? "probe GET /users/usr_ada" : "probe POST /users {}";
  let connection: RawConnection | undefined;
  try {
    connection = await RawConnection.open(url, PROBE_MS);
    await connection.write(request);
    const response = await connection.readResponse(method, PROBE_MS);
    if (response === undefined) return [`${what}: no answer (the server stopped serving)`];
    return check(response).map((problem) => `${what}: ${problem}`);
  } catch (error) {
    return [`${what}: ${failureReason(error)} (the server stopped serving)`];
  } finally {
    connection?.destroy();
  }
}
