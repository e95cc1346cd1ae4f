// send-conformance as a library: the same suite the command line runs, for a vendor's own test harness. Load a
// configuration, select and run the tests, build the report and write it; or call the command line itself.
export { cli } from "./cli.ts";
export {
  ConfigError,
  loadConfig,
  parseConfig,
  type Feature,
  type ResourceKind,
  type SettingInfo,
  type SuiteConfig,
  type TenantConfig,
} from "./config.ts";
export { PROFILE_IDS, type Level, type Outcome, type ProfileId, type TestDef, type TestResult } from "./model.ts";
export { ALL_TESTS, IMPLEMENTED_PROFILES } from "./profiles/index.ts";
export { runTests, selectTests, skipReason, type RunOptions } from "./runner.ts";
export { coverage, loadRequirements, type Coverage, type Requirement } from "./requirements.ts";
export { buildReport, type RunReport } from "./reporters/report-model.ts";
export { writeReports } from "./reporters/write-reports.ts";
export { EXIT, summarise, type Summary } from "./rollup.ts";
export { packageVersion } from "./package-version.ts";
export {
  certificateFacts,
  certificateKey,
  reportDigest,
  signCertificate,
  type Certificate,
  type CertificateFile,
} from "./certificate/certificate.ts";
export { coverageText, verifyCertificate, type Verification, type VerifyOptions } from "./certificate/verify.ts";
export { ACCEPTED_EARLIER_LINES, suiteCurrency, type AcceptedLine } from "./certificate/suite-lines.ts";
