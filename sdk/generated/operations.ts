/* generated from schemas/ by npm run generate — do not edit */
// The API's operations (spec/routes.ts): method, path template, scope, query and header parameters (wire names),
// request and 2xx response schema names (as components/schemas names them).

export interface OperationSpec {
  method: "get" | "post" | "put";
  path: string;
  /** The scope the operation requires; absent = public. */
  scope?: string;
  query?: readonly string[];
  request?: string;
  /** Schema of the 2xx body; absent for operations whose success has no body. */
  response?: string;
  headers?: readonly string[];
}

export const OPERATIONS = {
  "getDiscovery": {"method":"get","path":"/","response":"Discovery"},
  "getHealth": {"method":"get","path":"/healthz","response":"HealthStatus"},
  "getReadiness": {"method":"get","path":"/readyz","response":"HealthStatus"},
  "getOpenApi": {"method":"get","path":"/openapi.json","response":"OpenApiDocument"},
  "getDocs": {"method":"get","path":"/docs","response":"HtmlPage"},
  "validateDocument": {"method":"post","path":"/$validate","scope":"documents:validate","request":"ValidationInput","response":"ValidationReport"},
  "listChildren": {"method":"get","path":"/children","scope":"children:read","query":["upn","uln","nhsNumber","settingUrn","laCode","limit","cursor"],"response":"ChildPage"},
  "createChild": {"method":"post","path":"/children","scope":"children:write","request":"ChildRecord","response":"ChildRecord","headers":["Change-Reason"]},
  "getChild": {"method":"get","path":"/children/{childId}","scope":"children:read","response":"ChildRecord","headers":["If-None-Match"]},
  "updateChild": {"method":"put","path":"/children/{childId}","scope":"children:write","request":"ChildRecord","response":"ChildRecord","headers":["If-Match","Change-Reason"]},
  "getChildAccessLog": {"method":"get","path":"/children/{childId}/access-log","scope":"access-log:read","query":["since","limit","cursor"],"response":"AccessLogPage"},
  "listIsps": {"method":"get","path":"/isps","scope":"isp:read","query":["childId","upn","uln","nhsNumber","settingUrn","status","layer","reviewDueBefore","limit","cursor"],"response":"IspPage"},
  "createIsp": {"method":"post","path":"/isps","scope":"isp:write","request":"IndividualSupportPlan","response":"IndividualSupportPlan","headers":["Change-Reason"]},
  "getIsp": {"method":"get","path":"/isps/{id}","scope":"isp:read","query":["purpose"],"response":"IndividualSupportPlan","headers":["If-None-Match"]},
  "updateIsp": {"method":"put","path":"/isps/{id}","scope":"isp:write","request":"IndividualSupportPlan","response":"IndividualSupportPlan","headers":["If-Match","Change-Reason"]},
  "listIspVersions": {"method":"get","path":"/isps/{id}/versions","scope":"isp:read","query":["limit","cursor"],"response":"VersionPage"},
  "getIspVersion": {"method":"get","path":"/isps/{id}/versions/{version}","scope":"isp:read","query":["purpose"],"response":"IndividualSupportPlan","headers":["If-None-Match"]},
  "addIspVoice": {"method":"post","path":"/isps/{id}/voice","scope":"isp:voice","request":"VoiceContribution","response":"IndividualSupportPlan","headers":["If-Match","Change-Reason"]},
  "addIspAgreement": {"method":"post","path":"/isps/{id}/agreements","scope":"isp:voice","request":"AgreementContribution","response":"IndividualSupportPlan","headers":["If-Match","Change-Reason"]},
  "getIspFamilyView": {"method":"get","path":"/isps/{id}/views/family","scope":"isp:read","query":["format","purpose"],"response":"HtmlPage"},
  "getIspYoungPersonView": {"method":"get","path":"/isps/{id}/views/young-person","scope":"isp:read","query":["format","purpose"],"response":"HtmlPage"},
  "getIspClassroomView": {"method":"get","path":"/isps/{id}/views/classroom","scope":"isp:read","query":["format","purpose"],"response":"HtmlPage"},
  "getEhcpFamilyView": {"method":"get","path":"/ehcps/{id}/views/family","scope":"ehcp:read","query":["format","purpose"],"response":"HtmlPage"},
  "getLegacyEhcpFamilyView": {"method":"get","path":"/legacy-ehcps/{id}/views/family","scope":"legacy-ehcp:read","query":["format","purpose"],"response":"HtmlPage"},
  "listEhcps": {"method":"get","path":"/ehcps","scope":"ehcp:read","query":["childId","upn","uln","nhsNumber","settingUrn","laCode","status","reviewDueBefore","limit","cursor"],"response":"EhcpPage"},
  "createEhcp": {"method":"post","path":"/ehcps","scope":"ehcp:write","request":"Ehcp","response":"Ehcp","headers":["Change-Reason"]},
  "getEhcp": {"method":"get","path":"/ehcps/{id}","scope":"ehcp:read","query":["purpose"],"response":"Ehcp","headers":["If-None-Match"]},
  "updateEhcp": {"method":"put","path":"/ehcps/{id}","scope":"ehcp:write","request":"Ehcp","response":"Ehcp","headers":["If-Match","Change-Reason"]},
  "listEhcpVersions": {"method":"get","path":"/ehcps/{id}/versions","scope":"ehcp:read","query":["limit","cursor"],"response":"VersionPage"},
  "getEhcpVersion": {"method":"get","path":"/ehcps/{id}/versions/{version}","scope":"ehcp:read","query":["purpose"],"response":"Ehcp","headers":["If-None-Match"]},
  "addEhcpVoice": {"method":"post","path":"/ehcps/{id}/voice","scope":"ehcp:voice","request":"VoiceContribution","response":"Ehcp","headers":["If-Match","Change-Reason"]},
  "addEhcpAgreement": {"method":"post","path":"/ehcps/{id}/agreements","scope":"ehcp:voice","request":"AgreementContribution","response":"Ehcp","headers":["If-Match","Change-Reason"]},
  "listLegacyEhcps": {"method":"get","path":"/legacy-ehcps","scope":"legacy-ehcp:read","query":["childId","upn","uln","nhsNumber","settingUrn","laCode","status","reviewDueBefore","limit","cursor"],"response":"LegacyEhcpPage"},
  "createLegacyEhcp": {"method":"post","path":"/legacy-ehcps","scope":"legacy-ehcp:write","request":"LegacyEhcp","response":"LegacyEhcp","headers":["Change-Reason"]},
  "getLegacyEhcp": {"method":"get","path":"/legacy-ehcps/{id}","scope":"legacy-ehcp:read","query":["purpose"],"response":"LegacyEhcp","headers":["If-None-Match"]},
  "updateLegacyEhcp": {"method":"put","path":"/legacy-ehcps/{id}","scope":"legacy-ehcp:write","request":"LegacyEhcp","response":"LegacyEhcp","headers":["If-Match","Change-Reason"]},
  "listLegacyEhcpVersions": {"method":"get","path":"/legacy-ehcps/{id}/versions","scope":"legacy-ehcp:read","query":["limit","cursor"],"response":"VersionPage"},
  "getLegacyEhcpVersion": {"method":"get","path":"/legacy-ehcps/{id}/versions/{version}","scope":"legacy-ehcp:read","query":["purpose"],"response":"LegacyEhcp","headers":["If-None-Match"]},
  "addLegacyEhcpVoice": {"method":"post","path":"/legacy-ehcps/{id}/voice","scope":"legacy-ehcp:voice","request":"VoiceContribution","response":"LegacyEhcp","headers":["If-Match","Change-Reason"]},
  "listDevelopmentProfiles": {"method":"get","path":"/development-profiles","scope":"development-profile:read","query":["childId","upn","uln","nhsNumber","settingUrn","status","reviewDueBefore","limit","cursor"],"response":"DevelopmentProfilePage"},
  "createDevelopmentProfile": {"method":"post","path":"/development-profiles","scope":"development-profile:write","request":"DevelopmentProfile","response":"DevelopmentProfile","headers":["Change-Reason"]},
  "getDevelopmentProfile": {"method":"get","path":"/development-profiles/{id}","scope":"development-profile:read","query":["purpose"],"response":"DevelopmentProfile","headers":["If-None-Match"]},
  "updateDevelopmentProfile": {"method":"put","path":"/development-profiles/{id}","scope":"development-profile:write","request":"DevelopmentProfile","response":"DevelopmentProfile","headers":["If-Match","Change-Reason"]},
  "listDevelopmentProfileVersions": {"method":"get","path":"/development-profiles/{id}/versions","scope":"development-profile:read","query":["limit","cursor"],"response":"VersionPage"},
  "getDevelopmentProfileVersion": {"method":"get","path":"/development-profiles/{id}/versions/{version}","scope":"development-profile:read","query":["purpose"],"response":"DevelopmentProfile","headers":["If-None-Match"]},
  "addDevelopmentProfileVoice": {"method":"post","path":"/development-profiles/{id}/voice","scope":"development-profile:voice","request":"VoiceContribution","response":"DevelopmentProfile","headers":["If-Match","Change-Reason"]},
  "listSpps": {"method":"get","path":"/spps","scope":"spp:read","query":["status","limit","cursor"],"response":"SppPage"},
  "createSpp": {"method":"post","path":"/spps","scope":"spp:publish","request":"SpecialistProvisionPackage","response":"SpecialistProvisionPackage","headers":["Change-Reason"]},
  "getSpp": {"method":"get","path":"/spps/{id}","scope":"spp:read","response":"SpecialistProvisionPackage","headers":["If-None-Match"]},
  "updateSpp": {"method":"put","path":"/spps/{id}","scope":"spp:publish","request":"SpecialistProvisionPackage","response":"SpecialistProvisionPackage","headers":["If-Match","Change-Reason"]},
  "listSppVersions": {"method":"get","path":"/spps/{id}/versions","scope":"spp:read","query":["limit","cursor"],"response":"VersionPage"},
  "getSppVersion": {"method":"get","path":"/spps/{id}/versions/{version}","scope":"spp:read","response":"SpecialistProvisionPackage","headers":["If-None-Match"]},
  "listSettings": {"method":"get","path":"/settings","scope":"settings:read","query":["laCode","limit","cursor"],"response":"SettingPage"},
  "createSetting": {"method":"post","path":"/settings","scope":"settings:write","request":"SettingEntry","response":"SettingEntry","headers":["Change-Reason"]},
  "getSetting": {"method":"get","path":"/settings/{urn}","scope":"settings:read","response":"SettingEntry","headers":["If-None-Match"]},
  "updateSetting": {"method":"put","path":"/settings/{urn}","scope":"settings:write","request":"SettingEntry","response":"SettingEntry","headers":["If-Match","Change-Reason"]},
  "getPlanSample": {"method":"get","path":"/governance/plan-sample","scope":"governance:sample","query":["size"],"response":"PlanSample"},
  "listAuditEvents": {"method":"get","path":"/audit","scope":"audit:read","query":["childId","resourceId","actor","since","limit","cursor"],"response":"AuditPage"},
  "getTransferKeys": {"method":"get","path":"/.well-known/jwks.json","response":"JsonWebKeySet"},
  "getTrustList": {"method":"get","path":"/trust-list","response":"TrustListStatus"},
  "publishTrustList": {"method":"post","path":"/trust-list","scope":"trust-list:publish","request":"SignedTrustListBody","response":"TrustListStatus"},
  "createTransfer": {"method":"post","path":"/children/{childId}/transfers","scope":"children:write","request":"TransferRequest","response":"TransferView"},
  "listChildTransfers": {"method":"get","path":"/children/{childId}/transfers","scope":"children:read","query":["limit","cursor"],"response":"TransferPage"},
  "listUnclaimedTransfers": {"method":"get","path":"/transfers/unclaimed","scope":"children:read","query":["upn","uln","nhsNumber","limit","cursor"],"response":"TransferPage"},
  "getTransferMetrics": {"method":"get","path":"/transfers/metrics","scope":"transfers:metrics","query":["from","to"],"response":"TransferMetrics"},
  "queryHeldTransfers": {"method":"post","path":"/cross-la/queries","scope":"transfers:cross-la","request":"HeldTransferQuery","response":"HeldTransferQueryResult"},
  "requestHeldTransfer": {"method":"post","path":"/cross-la/requests","scope":"transfers:cross-la","request":"LaTransferRequestBody","response":"LaTransferRequest"},
  "listLaRequests": {"method":"get","path":"/cross-la/requests","scope":"transfers:cross-la","response":"LaTransferRequestList"},
  "getLaRequest": {"method":"get","path":"/cross-la/requests/{id}","scope":"transfers:cross-la","response":"LaTransferRequest"},
  "decideLaRequest": {"method":"post","path":"/cross-la/requests/{id}/decision","scope":"transfers:cross-la","request":"LaTransferDecision","response":"LaTransferRequest"},
  "listTransferReviews": {"method":"get","path":"/transfers/reviews","scope":"children:read","query":["limit","cursor"],"response":"TransferReviewPage"},
  "decideTransferReview": {"method":"post","path":"/transfers/{id}/review","scope":"children:write","request":"TransferReviewDecision","response":"TransferSummary"},
  "recordTransferIntegration": {"method":"post","path":"/transfers/{id}/integration","scope":"children:write","request":"IntegrationRecordRequest","response":"TransferSummary"},
  "receiveIntegrationAcknowledgement": {"method":"post","path":"/transfers/acknowledgements","request":"SignedIntegrationAcknowledgement","response":"AcknowledgementResult"},
  "listEscalatedTransfers": {"method":"get","path":"/transfers/escalated","scope":"children:read","query":["asOf","limit","cursor"],"response":"TransferPage"},
  "receiveTransfer": {"method":"post","path":"/transfers/inbox","request":"CompactTransferBundle","response":"InboxResult"},
  "getTransfer": {"method":"get","path":"/transfers/{id}","scope":"children:read","response":"TransferView"},
  "getTransferBundle": {"method":"get","path":"/transfers/{id}/bundle","scope":"children:write","response":"CompactTransferBundle"},
  "claimTransfer": {"method":"post","path":"/transfers/{id}/claim","scope":"children:write","response":"TransferView"},
  "importCtf": {"method":"post","path":"/children/{childId}/ctf-import","scope":"development-profile:write","request":"CtfXml","response":"CtfImportResult"},
  "exportCtf": {"method":"get","path":"/children/{childId}/ctf-sen","scope":"development-profile:read","response":"CtfXml"},
} as const satisfies Record<string, OperationSpec>;

export type Operations = typeof OPERATIONS;
export type OperationId = keyof Operations;
