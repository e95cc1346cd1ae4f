/* generated from schemas/ by npm run generate — do not edit */
// The document types and schema versions of manifest.json, as constants for code that must not read files.

export const STANDARD_VERSION = "1.0.0";
export const BASE_URI = "https://schemas.send-interchange.org.uk/1/";
export const CURRENT_SCHEMA_VERSION = "1.0";
export const SUPPORTED_SCHEMA_VERSIONS: readonly string[] = ["1.0","2.0"];
export const DOCUMENT_TYPES = ["isp","ehcp","legacy-ehcp","spp","development-profile","transfer-bundle","transfer-receipt","transfer-integration","trust-list"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** documentType → schema file (relative to schemas/), title and TypeScript type name. */
export const DOCUMENT_TYPE_INFO: Readonly<Record<DocumentType, { schema: string; title: string; defName: string }>> = {
  "isp": {"schema":"isp.schema.json","title":"Individual Support Plan","defName":"IndividualSupportPlan"},
  "ehcp": {"schema":"ehcp.schema.json","title":"Education, Health and Care Plan (SPP-based template)","defName":"Ehcp"},
  "legacy-ehcp": {"schema":"legacy-ehcp.schema.json","title":"Education, Health and Care Plan under the 2014 regulations (sections A-K)","defName":"LegacyEhcp"},
  "spp": {"schema":"spp.schema.json","title":"Specialist Provision Package (national catalogue entry)","defName":"SpecialistProvisionPackage"},
  "development-profile": {"schema":"development-profile.schema.json","title":"Areas-of-development profile","defName":"DevelopmentProfile"},
  "transfer-bundle": {"schema":"transfer-bundle.schema.json","title":"Transfer bundle","defName":"TransferBundle"},
  "transfer-receipt": {"schema":"transfer-receipt.schema.json","title":"Transfer receipt","defName":"TransferReceipt"},
  "transfer-integration": {"schema":"transfer-integration.schema.json","title":"Integration acknowledgement","defName":"TransferIntegration"},
  "trust-list": {"schema":"trust-list.schema.json","title":"Trust list","defName":"TrustList"},
};
