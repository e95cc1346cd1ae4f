// Development tokens for each demo role, shaped by the demo data: staff, governor and parent of the first worked ISP,
// officers of the local authority that owns the first worked EHCP. Printed by `npm start`.
import { ROLES, type RoleId } from "../../../spec/roles.ts";
import type { DevClaims, DevSigner } from "../auth/dev-signer.ts";
import type { DemoSummary } from "./seed.ts";
import type { Store } from "../storage/store.ts";
import type { DemoFrontPage } from "./front-page.tsx";
import { firstName } from "../../../sdk/src/views/text.ts";

export function demoClaims(summary: DemoSummary): DevClaims[] {
  // The parent and the setting of the first ISP; the LA roles of the first EHCP, so each token has records to see.
  const firstIsp = summary.documents.find((d) => d.kind === "isp");
  const firstEhcp = summary.documents.find((d) => d.kind === "ehcp" || d.kind === "legacy-ehcp");
  const child = summary.children.find((c) => c.id === firstIsp?.childId) ?? summary.children[0];
  const settingUrn =
    firstIsp?.settingUrn ?? child?.settingUrn ?? (summary.settings[0]?.urn as string | undefined) ?? "152984";
  const laCode = firstEhcp?.laCode ?? child?.laCode ?? (summary.settings[0]?.laCode as string | undefined) ?? "873";
  const byRole: Record<RoleId, DevClaims> = {
    "setting-staff": {
      sub: "demo-senco",
      send_role: "setting-staff",
      setting_urn: settingUrn,
      client_id: "demo-mis",
      name: "Demo SENCO",
    },
    "parent-carer": {
      sub: "demo-parent",
      send_role: "parent-carer",
      child_ids: child ? [child.id] : [],
      client_id: "demo-parent-app",
    },
    "young-person": {
      sub: "demo-young-person",
      send_role: "young-person",
      child_ids: child ? [child.id] : [],
      client_id: "demo-parent-app",
    },
    "la-officer": {
      sub: "demo-la-officer",
      send_role: "la-officer",
      la_code: laCode,
      client_id: "demo-case-management",
    },
    "health-commissioner": {
      sub: "demo-icb",
      send_role: "health-commissioner",
      la_code: laCode,
      client_id: "demo-icb-portal",
    },
    governor: { sub: "demo-governor", send_role: "governor", setting_urn: settingUrn },
    "dfe-publisher": { sub: "demo-dfe", send_role: "dfe-publisher", client_id: "demo-catalogue" },
    "system-integration": {
      sub: "demo-mis-integration",
      send_role: "system-integration",
      setting_urn: settingUrn,
      client_id: "demo-mis",
    },
    auditor: { sub: "demo-dpo", send_role: "auditor" },
  };
  return ROLES.map((r) => byRole[r.id]);
}

export async function demoTokens(
  signer: DevSigner,
  summary: DemoSummary,
): Promise<{ role: RoleId; claims: DevClaims; token: string }[]> {
  return Promise.all(
    demoClaims(summary).map(async (claims) => ({ role: claims.send_role, claims, token: await signer.sign(claims) })),
  );
}

/** The demo front page's content: each role's token, and the demo plans (ISPs and EHCPs) by child's first name. */
export async function demoFrontPage(
  store: Store,
  tokens: readonly { role: RoleId; token: string }[],
  summary: DemoSummary,
): Promise<DemoFrontPage> {
  const plans: DemoFrontPage["plans"][number][] = [];
  for (const d of summary.documents) {
    if (d.kind !== "isp" && d.kind !== "ehcp" && d.kind !== "legacy-ehcp") continue;
    const v = await store.get(d.kind, d.id);
    if (v) plans.push({ kind: d.kind, id: d.id, childName: firstName((v.body as { child?: unknown }).child) });
  }
  plans.sort((a, b) => a.childName.localeCompare(b.childName));
  return {
    tokens: tokens.map((t) => ({ role: t.role, token: t.token, title: ROLES.find((r) => r.id === t.role)!.title })),
    plans,
  };
}
