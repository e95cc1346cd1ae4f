// `reference-config`: a ready configuration for the reference server started with a given DATA_DIR. The reference
// server keeps its development signing key in DATA_DIR/dev-signer.jwk.json (ES256, kid dev-signer-1, issuer and
// audience below); this mints a token per role for two tenants with that key. Each tenant's parent-carer token names a
// child whose record must exist (plans may only name registered children, and ids are the server's): it registers
// one child per tenant over HTTP at `baseUrl` (POST /children as the tenant's staff) and puts the id the server
// assigned into the token; the young-person token stands for that same child. It imports nothing from server/: the
// key file's layout, the claim names (spec/roles.ts TOKEN_CLAIMS) and the API are the interface.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importJWK, SignJWT, type JWK } from "jose";
import { ROLES, type RoleId } from "send-interchange/roles";
import { DEFAULT_LOOPBACK_PORT } from "./transfer/suite-receiver-setting.ts";
import { childRecordFor, freshUpnAt } from "./fixtures/factory.ts";
import { onboardSuiteReceiver } from "./transfer/onboard-reference.ts";

export const REFERENCE_SIGNER = {
  file: "dev-signer.jwk.json",
  kid: "dev-signer-1",
  issuer: "urn:send-interchange:dev-signer",
  audience: "urn:send-interchange:reference-server",
} as const;

/** Two settings in two local authorities (valid URNs, LA codes and LAESTABs). */
export const REFERENCE_TENANTS = [
  {
    name: "Tenant A (Fenbrook, Norfolk-style LA 873)",
    setting: {
      name: "Fenbrook Primary School and Nursery",
      urn: "152984",
      laestab: "8733012",
      laCode: "873",
      phases: ["early-years", "primary"],
      settingType: "school-based-nursery",
    },
    localAuthorityName: "Cambridgeshire",
  },
  {
    name: "Tenant B (Marsh Lane, LA 926)",
    setting: {
      name: "Marsh Lane Primary School",
      urn: "121350",
      laestab: "9262417",
      laCode: "926",
      phases: ["primary"],
      settingType: "mainstream-primary-school",
    },
    localAuthorityName: "Norfolk",
  },
] as const;

function claimsFor(
  role: RoleId,
  t: (typeof REFERENCE_TENANTS)[number],
  tenantIndex: number,
  childIds: string[],
): Record<string, unknown> {
  const sub = `conformance-${role}-${tenantIndex === 0 ? "a" : "b"}`;
  const client_id = "send-conformance";
  switch (role) {
    case "setting-staff":
      // A named member of staff: recording a plan's integration after a transfer names who did it (`name` claim).
      return {
        sub,
        send_role: role,
        setting_urn: t.setting.urn,
        client_id,
        name: `Conformance SENCO ${tenantIndex === 0 ? "A" : "B"}`,
      };
    case "governor":
      return { sub, send_role: role, setting_urn: t.setting.urn, client_id };
    case "system-integration":
      return { sub, send_role: role, setting_urn: t.setting.urn, client_id };
    case "la-officer":
      return {
        sub,
        send_role: role,
        la_code: t.setting.laCode,
        client_id,
        name: `Conformance LA officer ${tenantIndex === 0 ? "A" : "B"}`,
      };
    case "health-commissioner":
      return { sub, send_role: role, la_code: t.setting.laCode, client_id };
    case "parent-carer":
      return { sub, send_role: role, child_ids: childIds, client_id };
    case "young-person":
      // The young person is the parent's child: the same family, reading and answering for their own plan.
      return { sub, send_role: role, child_ids: childIds.slice(0, 1), client_id };
    case "dfe-publisher":
    case "auditor":
      return { sub, send_role: role, client_id };
  }
}

export async function referenceConfig(
  baseUrl: string,
  dataDir: string,
  opts: { expiresIn?: string; loopbackPort?: number | undefined } = {},
): Promise<Record<string, unknown>> {
  let jwk: JWK;
  try {
    jwk = JSON.parse(readFileSync(join(dataDir, REFERENCE_SIGNER.file), "utf8")) as JWK;
  } catch (err) {
    throw new Error(
      `no reference-server signing key in ${dataDir} (${REFERENCE_SIGNER.file}); start the ` +
        `server once with DATA_DIR=${dataDir}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const key = await importJWK(jwk, "ES256");
  const mint = (claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: "ES256", kid: REFERENCE_SIGNER.kid, typ: "at+jwt" })
      .setIssuer(REFERENCE_SIGNER.issuer)
      .setAudience(REFERENCE_SIGNER.audience)
      .setIssuedAt()
      .setExpirationTime(opts.expiresIn ?? "1d")
      .sign(key);
  const tenants = await Promise.all(
    REFERENCE_TENANTS.map(async (t, i) => {
      const credentials: Record<string, { token: string; subject: string }> = {};
      const staff = ROLES.find((r) => r.id === "setting-staff")!;
      // Its own subject, so the registration does not count against the suite's staff token (rate limits are per caller).
      const staffClaims = {
        ...claimsFor(staff.id, t, i, []),
        sub: `conformance-reference-config-${i === 0 ? "a" : "b"}`,
        scope: staff.scopes.join(" "),
      };
      const parentChildIds = [await registerParentsChild(baseUrl, await mint(staffClaims), t.setting)];
      for (const r of ROLES) {
        const claims: Record<string, unknown> = { ...claimsFor(r.id, t, i, parentChildIds), scope: r.scopes.join(" ") };
        credentials[r.id] = { token: await mint(claims), subject: String(claims.sub) };
      }
      return {
        name: t.name,
        setting: t.setting,
        localAuthorityName: t.localAuthorityName,
        parentChildIds,
        youngPersonChildId: parentChildIds[0],
        credentials,
      };
    }),
  );
  // Onboarding: the demo server's own trust anchor signs a trust-list issue that lists the suite's receiver, so the
  // transfer profiles pass with no other step (a server started without a demo anchor keeps TRANSFER_CONFIG's way).
  const loopbackPort = opts.loopbackPort ?? DEFAULT_LOOPBACK_PORT;
  const onboarded = await onboardSuiteReceiver(
    baseUrl,
    dataDir,
    tenants[0]!.credentials["dfe-publisher"]!.token,
    loopbackPort,
  );
  return {
    $schema: "https://schemas.send-interchange.org.uk/1/conformance/config.schema.json",
    baseUrl,
    implementation: { name: "SEND Interchange reference server" },
    tenants,
    // The reference server learns the suite's receiver from the trust list published above (or TRANSFER_CONFIG).
    // With the demo anchor's key the suite can publish trust-list issues itself (feature trust-anchor): the checks
    // that a server refuses keys its list does not vouch for and routes bundles by successor links.
    transfers: { loopbackPort, ...(onboarded.anchor ? { trustAnchor: onboarded.anchor } : {}) },
    capabilities: {
      profiles: ["documents", "api-core", "security", "transfer-sender", "transfer-receiver"],
      resources: ["isp", "ehcp", "legacy-ehcp", "development-profile", "spp"],
      features: [
        "audit",
        "voice",
        "agreements",
        "validate-endpoint",
        "governance-sample",
        "encrypted-bundles",
        ...(onboarded.anchor ? ["trust-anchor"] : []),
      ],
    },
  };
}

/** Registers a child at `setting` on the server (POST /children) and returns the id the server assigned. */
async function registerParentsChild(
  baseUrl: string,
  staffToken: string,
  setting: { urn: string; laCode: string; laestab: string },
): Promise<string> {
  const url = new URL("children", baseUrl.replace(/\/?$/, "/"));
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${staffToken}`,
        "content-type": "application/json",
        "change-reason": "conformance: the parent-carer token's child",
      },
      body: JSON.stringify(childRecordFor(setting, freshUpnAt(setting.laestab))),
    });
  } catch (err) {
    throw new Error(
      `cannot register the parent-carer's child at ${url.href}: start the reference server first ` +
        `(with the same DATA_DIR) and pass its URL as --base-url: ` +
        `${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const text = await res.text();
  const id = res.status === 201 ? (JSON.parse(text) as { id?: unknown }).id : undefined;
  if (typeof id !== "string")
    throw new Error(
      `cannot register the parent-carer's child: POST ${url.href} answered ${res.status} ${text.slice(0, 300)}`,
    );
  return id;
}
