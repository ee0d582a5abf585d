import { describeConformance } from "../src/vitest.js";
import { createReferenceServer } from "./reference-server.js";

// The integration exactly as a sample app uses it: one vitest test per case.
describeConformance("reference server in process", () => createReferenceServer(), { withTags: ["wording"] });

describeConformance("reference server, a selection", async () => createReferenceServer(), {
  only: ["register-created", "delete-as-admin", "fault-duck"],
  skip: ["fault-duck"],
});
