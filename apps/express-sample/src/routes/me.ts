import { requireUser } from "../auth.js";
import { exactRouter } from "../router.js";

/** GET /me: the caller, with their role. */
export const me = exactRouter();

me.get("/me", requireUser, (_req, res) => {
  const { id, email, name, role } = res.locals.user;
  res.json({ id, email, name, role });
});
