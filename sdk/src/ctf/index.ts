// Legacy bridge: the SEN part of the Common Transfer File, in and out.
export {
  importCtfSen,
  type CtfImportOptions,
  type CtfImportResult,
  type CtfIssue,
  type CtfPupilSen,
} from "./sen-import.ts";
export { exportCtfSen, currentClassification, CtfExportError } from "./sen-export.ts";
