import { openApiDocument } from "../openapi.js";
import { exactRouter } from "../router.js";

/** GET /openapi.json (and HEAD, which Express answers from the GET route without a body). */
export const openApi = exactRouter();

openApi.get("/openapi.json", (_req, res) => {
  res.json(openApiDocument);
});
