export { hostileThrown, THROWN_MARKER, type Thrown } from "./thrown-values.js";
