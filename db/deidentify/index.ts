// The identifier detector: pure functions over text, no UI or database dependencies.
export { detectIdentifiers } from "./detect";
export { defaultReplacement } from "./replacement";
export {
  identifierTypeLabels,
  identifierTypes,
  type Finding,
  type IdentifierType,
} from "../../domain/identifier-types";
