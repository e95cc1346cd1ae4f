// The transfer-sender profile: the suite's loopback receiver (its inbox and JWKS registered in the implementation's
// settings directory) receives the bundles the implementation sends for children the suite created, verifies them
// independently of the SDK's transfer code (transfer/bundles.ts) against the implementation's JWKS (signature, digests, schemas, rules), checks sharing and
// redactions, answers with a signed receipt and checks the implementation recorded it. Also the unknown-destination
// queue, and the round-trip fidelity score. Ids: send.transfer-sender.<behaviour>.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { EMBEDDABLE_TYPES } from "../transfer/bundles.ts";
import { validate } from "send-interchange";
import type { TestContext, TestDef } from "../model.ts";
import { check, expectStatus, firstDifference, itemsOf } from "../check.ts";
import { FixtureError, isObj } from "../fixtures/factory.ts";
import { WORKED_EXAMPLES_DIR, type Json } from "../fixtures/templates.ts";
import {
  compareDocument,
  fidelityReport,
  formatScore,
  shippedReceiverSideFields,
  type DocumentFidelity,
} from "../transfer/fidelity.ts";
import { resourceSpec } from "./resources.ts";
import { signedIntegration } from "../transfer/integration.ts";
import { newSigningKey, type SigningKey } from "../transfer/signed-json.ts";
import { SUITE_SYSTEM } from "../transfer/loopback.ts";
import { createRecord, token } from "./steps.ts";
import {
  ensureSetting,
  expectAcceptedReceipt,
  LA_A,
  loopback,
  postInbox,
  registerChild,
  settledTransfer,
  STAFF_A,
  suiteBundle,
  tenantSetting,
  transferToSuite,
} from "./transfer-steps.ts";

const isp = resourceSpec("isp");
const PARENT_A = { tenant: 0 as const, role: "parent-carer" as const };
const SENDER = {
  profile: "transfer-sender" as const,
  capabilities: ["resource:isp"],
  roles: [STAFF_A, { tenant: 0 as const, role: "dfe-publisher" as const }],
};

/** A child registered in tenant A with one ISP (prepared by `prepare`), created over the API. */
async function childWithIsp(ctx: TestContext, prepare: (doc: Json) => Json = (d) => d) {
  await ensureSetting(ctx, tenantSetting(ctx, 0));
  const child = ctx.fixtures.newChild(0);
  await registerChild(ctx, child);
  const created = await createRecord(ctx, isp, child, STAFF_A, prepare);
  return { child, created };
}

function deliveredDocument(payload: unknown, id: string): Json | undefined {
  const docs = isObj(payload) && Array.isArray(payload.documents) ? payload.documents : [];
  return docs.find((d): d is Json => isObj(d) && d.id === id);
}

const stripReceiverSide = (doc: unknown): unknown => {
  const ignore = shippedReceiverSideFields();
  return JSON.parse(JSON.stringify(doc), (k, v: unknown) => (ignore.has(k) ? undefined : v));
};

/** Section labelled safeguarding in the fixture: its data must stay behind by default. */
const SAFEGUARDED = "/classroomSummary";

/** Worked examples that travel in bundles, with fresh ids and a fresh child of tenant A (only a UPN, so no old record matches). */
function roundTripDocuments(ctx: TestContext): { source: string; doc: Json }[] {
  const out: { source: string; doc: Json }[] = [];
  for (const file of readdirSync(WORKED_EXAMPLES_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const doc = JSON.parse(readFileSync(join(WORKED_EXAMPLES_DIR, file), "utf8")) as Json;
    const type = String(doc.documentType);
    if (
      !(EMBEDDABLE_TYPES as readonly string[]).includes(type) ||
      !ctx.config.capabilities.resources.includes(type as never) ||
      !validate(doc).valid
    )
      continue;
    doc.id = randomUUID();
    const child = ctx.fixtures.newChild(0);
    doc.child = { ...(doc.child as Json), personId: child.childId, identifiers: { upn: child.upn } };
    const result = validate(doc);
    if (!result.valid)
      throw new FixtureError(
        `${file} with fresh ids is not valid: ${[...result.errors, ...result.findings][0]?.message ?? ""}`,
      );
    out.push({ source: file, doc });
  }
  return out;
}

async function roundTripOne(ctx: TestContext, source: string, doc: Json): Promise<DocumentFidelity> {
  const sent = await suiteBundle(ctx, [doc], tenantSetting(ctx, 0));
  await expectAcceptedReceipt(ctx, await postInbox(ctx, sent.jws), sent, `POST /transfers/inbox (${source})`);
  const upn = String(((doc.child as Json).identifiers as Json).upn);
  const found = await ctx.http.get(`/children?upn=${encodeURIComponent(upn)}`, { token: token(ctx, STAFF_A) });
  expectStatus(found, 200, "GET /children?upn=…");
  const child = itemsOf(found, "GET /children")[0];
  check(
    child && typeof child.id === "string",
    `${source}: the imported child (UPN ${upn}) is not found by GET /children?upn=`,
  );
  const back = await transferToSuite(ctx, child.id as string, String(doc.id));
  return compareDocument(
    sent.bundle.documents[0],
    deliveredDocument(back.delivery.payload, String(doc.id)),
    shippedReceiverSideFields(),
    source,
  );
}

export const TRANSFER_SENDER_TESTS: readonly TestDef[] = [
  {
    id: "send.transfer-sender.self-addressed-refused",
    title: "A transfer to the sender's own setting is refused",
    level: "MUST",
    requirements: ["SI-API-066"],
    ...SENDER,
    async run(ctx) {
      const { child } = await childWithIsp(ctx);
      const own = tenantSetting(ctx, 0);
      const res = await ctx.http.post(`/children/${encodeURIComponent(child.childId)}/transfers`, {
        token: token(ctx, STAFF_A),
        body: { receiver: { urn: own.urn }, reason: "in-year-move" },
      });
      check(
        res.status >= 400 && res.status < 500,
        `POST /children/{id}/transfers addressed to the caller's own setting ${String(own.urn)}: ` +
          `expected a 4xx refusal, got HTTP ${res.status} (a setting sending to itself is how it ` +
          `would import a record it made up over another setting's child)`,
      );
      check(
        (res.headers.get("content-type") ?? "").includes("application/problem+json"),
        `the refusal is ${res.headers.get("content-type") ?? "untyped"}, not application/problem+json`,
      );
    },
  },
  {
    id: "send.transfer-sender.bundle-verifies",
    title: "A sent bundle verifies: ES256 signature, digests, schemas, rules",
    level: "MUST",
    requirements: ["SI-API-044", "SI-API-045", "SI-API-054"],
    ...SENDER,
    async run(ctx) {
      const { child, created } = await childWithIsp(ctx);
      const { delivery } = await transferToSuite(ctx, child.childId, created.id);
      check(
        delivery.verified,
        `the bundle does not verify against the implementation's /.well-known/jwks.json: ${delivery.reasons
          .slice(0, 5)
          .map((r) => `${r.code}${r.pointer ? ` at ${r.pointer}` : ""}: ${r.message}`)
          .join("; ")}`,
      );
      // Schema-valid (checked above), so the manifest has these members.
      type Party = { setting?: { urn?: string }; localAuthority?: unknown };
      const m = delivery.bundle!.manifest as { receiver: Party; sender: Party };
      check(
        m.receiver.setting?.urn === loopback(ctx).settings.setting.urn,
        `the bundle is addressed to ${JSON.stringify(m.receiver)}, not the suite's setting`,
      );
      check(
        m.sender.setting?.urn === ctx.config.tenants[0].setting.urn,
        `the bundle's sender is ${JSON.stringify(m.sender.setting ?? m.sender.localAuthority)}, not the sending setting ${ctx.config.tenants[0].setting.urn}`,
      );
      ctx.note(
        `bundle ${delivery.bundle!.id}: ${delivery.bundle!.documents.length} document(s), digest ${delivery.digest}`,
      );
    },
  },
  {
    id: "send.transfer-sender.documents-sent-unchanged",
    title: "A sent plan equals the stored plan field by field",
    level: "MUST",
    requirements: ["SI-API-045", "SI-API-041"],
    ...SENDER,
    async run(ctx) {
      const { child, created } = await childWithIsp(ctx, (d) => ctx.fixtures.withMarker(d));
      const { delivery } = await transferToSuite(ctx, child.childId, created.id);
      const sent = deliveredDocument(delivery.payload, created.id);
      check(sent, `the bundle does not carry ISP ${created.id}`);
      const redacted =
        isObj(delivery.payload) && Array.isArray(delivery.payload.redactions)
          ? delivery.payload.redactions.filter(isObj).filter((r) => r.documentId === created.id)
          : [];
      check(
        redacted.length === 0,
        `the ISP has no labels a default transfer withholds, yet ${redacted.length} redaction(s) are recorded`,
      );
      const diff = firstDifference(stripReceiverSide(created.doc), stripReceiverSide(sent));
      check(diff === undefined, `the ISP in the bundle differs from the stored ISP at ${diff}`);
    },
  },
  {
    id: "send.transfer-sender.safeguarding-withheld-and-recorded",
    title: "Safeguarding sections stay behind and each is a recorded redaction",
    level: "MUST",
    requirements: ["SI-API-046"],
    ...SENDER,
    async run(ctx) {
      const { child, created } = await childWithIsp(ctx, (d) => {
        check(isObj(d.classroomSummary), "fixture: the ISP template has no classroomSummary to label");
        return { ...d, sharing: [{ section: SAFEGUARDED, labels: ["education", "safeguarding"] }] };
      });
      const { delivery } = await transferToSuite(ctx, child.childId, created.id);
      const payload = delivery.payload as Json;
      const sent = deliveredDocument(payload, created.id);
      check(sent, `the bundle does not carry ISP ${created.id}`);
      check(
        sent.classroomSummary === undefined,
        `the safeguarding-labelled ${SAFEGUARDED} was sent although the transfer did not include safeguarding`,
      );
      const applied = isObj(payload.sharingApplied) ? payload.sharingApplied : {};
      check(
        Array.isArray(applied.labelsExcluded) && applied.labelsExcluded.includes("safeguarding"),
        `sharingApplied.labelsExcluded (${JSON.stringify(applied.labelsExcluded)}) does not list safeguarding`,
      );
      const redactions = Array.isArray(payload.redactions) ? payload.redactions.filter(isObj) : [];
      const recorded = redactions.find(
        (r) => r.documentId === created.id && r.pointer === SAFEGUARDED && r.label === "safeguarding",
      );
      check(
        recorded,
        `no redaction records ${SAFEGUARDED} of ISP ${created.id} as withheld for "safeguarding" (redactions: ${JSON.stringify(redactions).slice(0, 300)})`,
      );
    },
  },
  {
    id: "send.transfer-sender.receipt-recorded",
    title: "The receiver's signed receipt moves the transfer to accepted",
    level: "MUST",
    requirements: ["SI-API-050", "SI-API-055"],
    ...SENDER,
    async run(ctx) {
      const { child, created } = await childWithIsp(ctx);
      const { transferUrl, delivery } = await transferToSuite(ctx, child.childId, created.id);
      check(
        delivery.receipt,
        `the suite could not answer with a receipt: ${delivery.reasons.map((r) => r.code).join(", ")}`,
      );
      const view = await settledTransfer(ctx, transferUrl);
      check(
        view.status === "accepted",
        `GET ${new URL(transferUrl).pathname}: status is ${JSON.stringify(view.status)} after the suite's accepting receipt, not "accepted"`,
      );
      check(
        view.receipt === delivery.receipt,
        `GET ${new URL(transferUrl).pathname}: the transfer does not hold the receipt the suite ` +
          `sent (receipt ${view.receipt === undefined ? "absent" : "different"})`,
      );
    },
  },
  {
    id: "send.transfer-sender.lifecycle-shown-to-parents",
    title: "Parents see a transfer's status in words with its timestamps",
    level: "SHOULD",
    requirements: ["SI-API-055"],
    ...SENDER,
    roles: [...SENDER.roles, PARENT_A],
    async run(ctx) {
      await ensureSetting(ctx, tenantSetting(ctx, 0));
      const child = ctx.fixtures.parentsChild(0);
      const created = await createRecord(ctx, isp, child, STAFF_A);
      const { transferUrl, delivery } = await transferToSuite(ctx, child.childId, created.id);
      check(delivery.receipt, "the suite could not answer with a receipt");
      const settled = await settledTransfer(ctx, transferUrl);
      check(settled.status === "accepted", `the transfer is ${JSON.stringify(settled.status)}, not "accepted"`);
      const list = `/children/${encodeURIComponent(child.childId)}/transfers`;
      const res = await ctx.http.get(list, { token: token(ctx, PARENT_A) });
      expectStatus(res, 200, `GET ${list} as the child's parent`);
      const seen = itemsOf(res, `GET ${list}`).find((t) => t.id === settled.id);
      check(seen, `the child's parent does not see transfer ${String(settled.id)}`);
      check(
        typeof seen.statusText === "string" && seen.statusText.trim().length > 0,
        "the transfer shown to the parent has no status in plain words (statusText)",
      );
      const times = isObj(seen.timestamps) ? seen.timestamps : {};
      const missing = ["sent", "accepted"].filter((s) => Number.isNaN(Date.parse(String(times[s]))));
      check(missing.length === 0, `the transfer shown to the parent has no ${missing.join(" or ")} timestamp`);
      check(
        Date.parse(String(times.sent)) <= Date.parse(String(times.accepted)),
        `the transfer was accepted (${String(times.accepted)}) before it was sent (${String(times.sent)})`,
      );
    },
  },
  {
    id: "send.transfer-sender.unknown-destination-claimable",
    title: "A bundle for an unknown destination is queued and claimed by the LA",
    level: "MUST",
    requirements: ["SI-API-053"],
    ...SENDER,
    roles: [...SENDER.roles, LA_A],
    async run(ctx) {
      const { child, created } = await childWithIsp(ctx);
      const res = await ctx.http.post(`/children/${encodeURIComponent(child.childId)}/transfers`, {
        token: token(ctx, STAFF_A),
        body: { receiver: { unknownDestination: true }, reason: "in-year-move" },
      });
      expectStatus(res, [201, 202], "POST …/transfers (unknown destination)");
      const id = String((res.json as Json).id);
      const queue = async () => {
        const q = await ctx.http.get(`/transfers/unclaimed?upn=${encodeURIComponent(child.upn)}`, {
          token: token(ctx, LA_A),
        });
        expectStatus(q, 200, "GET /transfers/unclaimed?upn=…");
        return itemsOf(q, "GET /transfers/unclaimed").map((t) => t.id);
      };
      check(
        (await queue()).includes(id),
        `transfer ${id} is not in the local authority's unclaimed queue (searched by UPN)`,
      );
      const claim = await ctx.http.post(`/transfers/${encodeURIComponent(id)}/claim`, { token: token(ctx, LA_A) });
      expectStatus(claim, 200, `POST /transfers/${id}/claim`);
      check(
        isObj(claim.json) && claim.json.status === "claimed",
        `the claimed transfer's status is ${JSON.stringify(isObj(claim.json) ? claim.json.status : undefined)}, not "claimed"`,
      );
      check(!(await queue()).includes(id), "the claimed transfer is still in the unclaimed queue");
      const plan = await ctx.http.get(`/isps/${encodeURIComponent(created.id)}`, { token: token(ctx, LA_A) });
      expectStatus(plan, 200, "GET the claimed ISP as the local authority");
    },
  },
  {
    id: "send.transfer-sender.round-trip-fidelity",
    title: "Round trip of every worked example keeps every field (100%)",
    level: "MUST",
    requirements: ["SI-API-052", "SI-API-041", "SI-API-045"],
    ...SENDER,
    alsoProfiles: ["transfer-receiver"],
    async run(ctx) {
      const items = roundTripDocuments(ctx);
      check(items.length > 0, "no worked example can travel in a bundle");
      const results: DocumentFidelity[] = new Array(items.length);
      let next = 0;
      // Two at a time: each is an import and an export with a background delivery.
      await Promise.all(
        [0, 1].map(async () => {
          for (let i = next++; i < items.length; i = next++)
            results[i] = await roundTripOne(ctx, items[i]!.source, items[i]!.doc);
        }),
      );
      const report = fidelityReport(results, shippedReceiverSideFields());
      ctx.attach("fidelity", report);
      for (const d of results)
        ctx.note(`${d.source} (${d.documentType}): ${formatScore(d.score)} (${d.matching}/${d.total} fields)`);
      ctx.note(
        `overall: ${formatScore(report.overall.score)} ` +
          `(${report.overall.matching}/${report.overall.total} fields); receiver-side fields ` +
          `ignored: ${report.ignoredReceiverSideFields.join(", ")}`,
      );
      const diffs = results.flatMap((d) => d.differences.map((x) => `${d.source}${x.pointer} ${x.kind}`));
      check(
        report.overall.score === 1,
        `round-trip fidelity ${formatScore(report.overall.score)}: ` +
          `${diffs.slice(0, 8).join("; ")}${diffs.length > 8 ? ` … (${diffs.length} differences)` : ""}`,
      );
    },
  },
  {
    id: "send.transfer-sender.integration-acknowledgement-recorded",
    title: "A signed integration acknowledgement moves the transfer to integrated",
    level: "MUST",
    requirements: ["SI-API-095"],
    ...SENDER,
    async run(ctx) {
      const { transferUrl, delivery } = await acceptedBySuite(ctx);
      const res = await postAcknowledgement(ctx, delivery, "integrated", loopback(ctx).key);
      expectStatus(res, 200, "POST /transfers/acknowledgements (signed by the suite's receiving setting)");
      const view = await settledTransfer(ctx, transferUrl);
      const path = new URL(transferUrl).pathname;
      check(view.status === "integrated", `GET ${path}: status is ${JSON.stringify(view.status)}, not "integrated"`);
      const integration = isObj(view.integration) ? view.integration : {};
      check(
        integration.recordedBy === SUITE_STAFF,
        `GET ${path}: integration.recordedBy is ${JSON.stringify(integration.recordedBy)}, not the acknowledgement's ${JSON.stringify(SUITE_STAFF)}`,
      );
      check(
        isObj(view.timestamps) && typeof view.timestamps.integrated === "string",
        `GET ${path}: timestamps has no "integrated" instant`,
      );
    },
  },
  {
    id: "send.transfer-sender.integration-acknowledgement-forged-refused",
    title: "A forged integration acknowledgement is refused and changes nothing",
    level: "MUST",
    requirements: ["SI-API-095"],
    ...SENDER,
    async run(ctx) {
      const { transferUrl, delivery } = await acceptedBySuite(ctx);
      // Another key under the receiver's kid (copied from its receipt): only the signature tells them apart.
      const other = await newSigningKey();
      const spoofed = { ...other, kid: loopback(ctx).key.kid };
      const forged = await postAcknowledgement(ctx, delivery, "integrated", spoofed);
      check(
        forged.status >= 400 && forged.status < 500,
        `POST /transfers/acknowledgements signed by another key under the receiver's kid: expected a 4xx refusal, got HTTP ${forged.status}`,
      );
      const unlisted = await postAcknowledgement(ctx, delivery, "integrated", other);
      check(
        unlisted.status >= 400 && unlisted.status < 500,
        `POST /transfers/acknowledgements signed by a key no trust list names: expected a 4xx refusal, got HTTP ${unlisted.status}`,
      );
      const wrongDigest = await postAcknowledgement(ctx, delivery, "integrated", loopback(ctx).key, "0".repeat(64));
      check(
        wrongDigest.status >= 400 && wrongDigest.status < 500,
        `POST /transfers/acknowledgements naming another digest of the bundle: expected a 4xx refusal, got HTTP ${wrongDigest.status}`,
      );
      const view = await settledTransfer(ctx, transferUrl);
      check(
        view.status === "accepted",
        `GET ${new URL(transferUrl).pathname}: status is ${JSON.stringify(view.status)} after refused acknowledgements, not "accepted"`,
      );
    },
  },
  {
    id: "send.transfer-sender.escalation-listed-for-la",
    title: "A transfer not integrated in time is listed for the LA, with due date",
    level: "MUST",
    requirements: ["SI-API-096"],
    ...SENDER,
    roles: [...SENDER.roles, LA_A],
    async run(ctx) {
      const { transferId } = await acceptedBySuite(ctx);
      const listed = async (asOf: Date) => {
        const res = await ctx.http.get(`/transfers/escalated?asOf=${encodeURIComponent(asOf.toISOString())}`, {
          token: token(ctx, LA_A),
        });
        expectStatus(res, 200, "GET /transfers/escalated?asOf=…");
        return itemsOf(res, "GET /transfers/escalated").find((t) => t.id === transferId);
      };
      // Eight school days are at most sixteen calendar days; forty leave room for any holidays a deployment lists.
      const later = await listed(new Date(Date.now() + 40 * 86_400_000));
      check(
        later,
        `transfer ${transferId}, accepted and never integrated, is not in GET /transfers/escalated 40 days later`,
      );
      check(
        typeof later.integrationDueBy === "string",
        `the escalated transfer shows no integrationDueBy (got ${JSON.stringify(later.integrationDueBy)})`,
      );
      check(!(await listed(new Date())), `transfer ${transferId} is listed as escalated on the day it was received`);
    },
  },
];

const SUITE_STAFF = "Conformance suite SENCO";

/** A child of tenant A sent to the suite and accepted with the suite's receipt. */
async function acceptedBySuite(ctx: TestContext) {
  const { child, created } = await childWithIsp(ctx);
  const sent = await transferToSuite(ctx, child.childId, created.id);
  check(
    sent.delivery.receipt,
    `the suite could not answer with a receipt: ${sent.delivery.reasons.map((r) => r.code).join(", ")}`,
  );
  const view = await settledTransfer(ctx, sent.transferUrl);
  check(
    view.status === "accepted",
    `the transfer is ${JSON.stringify(view.status)} after the suite's accepting receipt`,
  );
  return sent;
}

async function postAcknowledgement(
  ctx: TestContext,
  delivery: { bundle?: { id: string }; digest?: string },
  outcome: "integrated" | "not-integrated",
  key: SigningKey,
  digest = delivery.digest!,
) {
  const jws = await signedIntegration(
    {
      bundleId: delivery.bundle!.id,
      bundleDigest: digest,
      outcome,
      recordedBy: SUITE_STAFF,
      receiver: { system: SUITE_SYSTEM, setting: loopback(ctx).settings.setting as Json },
    },
    key,
  );
  return ctx.http.post("/transfers/acknowledgements", {
    rawBody: jws,
    headers: { "content-type": "application/jose" },
  });
}
