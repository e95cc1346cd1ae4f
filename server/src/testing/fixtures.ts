// Test data: two tenants (two settings in two local authorities) and valid documents for each, made from the worked
// examples with fresh ids, so every test writes records nobody else has.
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { upnCheckLetter } from "../../../sdk/src/identifiers/upn.ts";

export interface Tenant {
  settingUrn: string;
  laCode: string;
  laestab: string;
  settingName: string;
}

export const TENANT_A: Tenant = {
  settingUrn: "152984",
  laCode: "873",
  laestab: "8733012",
  settingName: "Fenbrook Primary School and Nursery",
};
export const TENANT_B: Tenant = {
  settingUrn: "121350",
  laCode: "926",
  laestab: "9262417",
  settingName: "Marsh Lane Primary School",
};

type Json = Record<string, unknown>;

export function workedExample(file: string): Json {
  return JSON.parse(readFileSync(new URL(`../../../examples/worked/${file}`, import.meta.url), "utf8")) as Json;
}

let serial = 0;
/** A valid UPN for a child at this tenant's setting: LA code + establishment + year + serial, check letter first. */
export function freshUpn(t: Tenant): string {
  serial = (serial + 1) % 1000;
  const body = `${t.laestab}${String(30 + (process.pid % 60)).padStart(2, "0")}${String(serial).padStart(3, "0")}`;
  return `${upnCheckLetter(body)}${body}`;
}

export function settingEntry(t: Tenant): Json {
  return {
    name: t.settingName,
    urn: t.settingUrn,
    laestab: t.laestab,
    laCode: t.laCode,
    phases: ["early-years", "primary"],
    settingType: "school-based-nursery",
  };
}

export interface ChildFixture {
  childId: string;
  upn: string;
  tenant: Tenant;
}

export function newChild(t: Tenant): ChildFixture {
  return { childId: randomUUID(), upn: freshUpn(t), tenant: t };
}

export function childRecord(ch: ChildFixture): Json {
  const isp = workedExample("isp-nursery-targeted-slc.json");
  const child = structuredClone(isp.child) as Json;
  child.personId = ch.childId;
  child.identifiers = { upn: ch.upn };
  return { id: ch.childId, child, settingUrn: ch.tenant.settingUrn, laCode: ch.tenant.laCode };
}

/** A worked example re-issued for this child: a fresh document id, the child's person id and UPN. */
function exampleForChild(file: string, ch: ChildFixture): Json {
  const doc = workedExample(file);
  doc.id = randomUUID();
  const child = doc.child as Json;
  child.personId = ch.childId;
  child.identifiers = { upn: ch.upn };
  return doc;
}

function localAuthorityOf(t: Tenant): Json {
  return { laCode: t.laCode, name: t.laCode === TENANT_A.laCode ? "Cambridgeshire" : "Norfolk" };
}

/** A valid ISP for this child, filed at the child's setting. */
export function newIsp(ch: ChildFixture, overrides: Json = {}): Json {
  const isp = exampleForChild("isp-nursery-targeted-slc.json", ch);
  isp.owner = { ...(isp.owner as Json), ...settingEntry(ch.tenant) };
  return { ...isp, ...overrides };
}

/** A valid EHCP for this child: owned by the child's local authority, naming the child's setting. */
export function newEhcp(ch: ChildFixture, overrides: Json = {}): Json {
  const ehcp = exampleForChild("ehcp-specialist-base.json", ch);
  ehcp.owner = localAuthorityOf(ch.tenant);
  const placement = ehcp.namedPlacement as Json | undefined;
  if (placement?.setting)
    placement.setting = {
      ...(placement.setting as Json),
      ...settingEntry(ch.tenant),
      settingType: (placement.setting as Json).settingType,
    };
  return { ...ehcp, ...overrides };
}

/** A valid catalogue entry with a fresh id. */
export function newSpp(overrides: Json = {}): Json {
  const spp = workedExample("spp-illustrative-communication-interaction.json");
  return { ...spp, id: randomUUID(), ...overrides };
}

/** A valid EHCP made under the 2014 regulations for this child, owned by the child's local authority. */
export function newLegacyEhcp(ch: ChildFixture, overrides: Json = {}): Json {
  const doc = exampleForChild("legacy-ehcp-year6-transition-2029.json", ch);
  doc.owner = localAuthorityOf(ch.tenant);
  return { ...doc, ...overrides };
}

/**
 * Records of personal kinds get their id from the server (SI-API-057): after a 201, the id the server assigned is
 * adopted into the fixture that was sent, so later steps use it. The response is returned unread.
 */
export async function adoptId(res: Response, doc: Json): Promise<Response> {
  if (res.status === 201) doc.id = ((await res.clone().json()) as Json).id;
  return res;
}

type Call = (method: string, path: string, opts?: { token?: string; body?: unknown }) => Promise<Response>;

/** POSTs the child's directory record and adopts the id the server assigned into the fixture; the stored record. */
export async function registerChild(
  call: Call,
  token: string,
  ch: ChildFixture,
  record: Json = childRecord(ch),
): Promise<Json> {
  const res = await call("POST", "/children", { token, body: record });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST /children answered ${res.status}: ${text.slice(0, 300)}`);
  const stored = JSON.parse(text) as Json;
  ch.childId = String(stored.id);
  return stored;
}
