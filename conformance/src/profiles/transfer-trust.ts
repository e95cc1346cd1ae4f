// Trust-list tests on both transfer sides (feature `trust-anchor`: the suite holds a key of the anchor the
// implementation believes and publishes trust-list issues itself, transfer/trust-publisher.ts). Each test makes
// settings of its own (fresh URNs and keys, served by the loopback receiver under /s/<urn>/) and lists them with the
// status, validity or revocation it checks, so tests never undo each other. As receiver: keys the list does not
// vouch for are refused with the reason, a forged or older list changes nothing, a bundle for a converted setting is
// taken by its successor. As sender: a bundle for a converted setting reaches the successor's inbox, and nothing is
// sent to a setting that closed without one. Ids: send.transfer-receiver.trust-…, send.transfer-sender.trust-….
import type { TestContext, TestDef } from "../model.ts";
import { check, expectStatus, header } from "../check.ts";
import { isObj } from "../fixtures/factory.ts";
import type { Json } from "../fixtures/templates.ts";
import type { ExtraSetting } from "../transfer/loopback.ts";
import { newSigningKey, type SigningKey, unverifiedPayload } from "../transfer/signed-json.ts";
import {
  anchorKey,
  heldTrustList,
  nextIssue,
  publishChange,
  putEntry,
  signTrustListJws,
  type TrustList,
  type TrustListEntry,
} from "../transfer/trust-publisher.ts";
import { resourceSpec } from "./resources.ts";
import { createRecord, readRecord, token } from "./steps.ts";
import {
  DELIVERY_WAIT_MS,
  ensureSetting,
  expectAcceptedReceipt,
  expectRefusedWithoutReceipt,
  expectRejected,
  flipCharacter,
  loopback,
  postInbox,
  registerChild,
  settledTransfer,
  STAFF_A,
  suiteBundle,
  tenantSetting,
} from "./transfer-steps.ts";

const isp = resourceSpec("isp");
const PUBLISHER_A = { tenant: 0 as const, role: "dfe-publisher" as const };
const TRUST = {
  capabilities: ["resource:isp", "trust-anchor"],
  roles: [STAFF_A, PUBLISHER_A],
};
const HOUR = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const yesterday = () => iso(-24 * HOUR).slice(0, 10);

function listedKey(key: SigningKey, validity: { notBefore?: string; notAfter?: string } = {}) {
  const { kty, crv, x, y } = key.publicJwk as { kty: "EC"; crv: "P-256"; x: string; y: string };
  return { kid: key.kid, jwk: { kty, crv, x, y, kid: key.kid }, ...validity };
}

/** A trust-list entry for one of the suite's extra settings, its key listed in the entry. */
function entryFor(s: ExtraSetting, extra: Partial<TrustListEntry> = {}): TrustListEntry {
  return {
    entryType: "setting",
    urn: s.setting.urn,
    laCode: s.setting.laCode,
    name: s.setting.name,
    status: "open",
    endpoints: { inbox: s.inboxUrl, jwks: s.jwksUrl },
    keys: [listedKey(s.key)],
    ...extra,
  };
}

/** A fresh ISP for a fresh child of tenant A, and tenant A's setting present in the directory (the addressee). */
async function freshIsp(ctx: TestContext): Promise<Json> {
  await ensureSetting(ctx, tenantSetting(ctx, 0));
  return ctx.fixtures.document("isp", ctx.fixtures.newChild(0));
}

async function expectNotImported(ctx: TestContext, id: string, what: string): Promise<void> {
  const res = await readRecord(ctx, isp, id, STAFF_A);
  check(res.status === 404, `${what}: the refused bundle's ISP ${id} is readable (HTTP ${res.status})`);
}

/** What the list must say about the key, and the reason a receiver must give (receipt code, or the verify code). */
interface KeyCase {
  id: string;
  title: string;
  what: string;
  receiptCode: string;
  verifyCode: string;
  /** Lists the sending setting; returns the key to sign with. */
  list(ctx: TestContext, s: ExtraSetting): Promise<SigningKey>;
}

const KEY_CASES: readonly KeyCase[] = [
  {
    id: "send.transfer-receiver.trust-unlisted-key-refused",
    title: "A bundle signed by a key the trust list does not list is refused",
    what: "signed by a key its setting's trust-list entry does not list",
    receiptCode: "unknown-signing-key",
    verifyCode: "bundle.unknown-key",
    async list(ctx, s) {
      await publishChange(ctx, (l) => putEntry(l, entryFor(s, { endpoints: { inbox: s.inboxUrl } })));
      return newSigningKey();
    },
  },
  {
    id: "send.transfer-receiver.trust-key-not-yet-valid-refused",
    title: "A bundle signed by a key listed only from tomorrow is refused",
    what: "signed by a key the trust list lists only from tomorrow",
    receiptCode: "signing-key-not-yet-valid",
    verifyCode: "bundle.key-not-yet-valid",
    async list(ctx, s) {
      await publishChange(ctx, (l) =>
        putEntry(l, entryFor(s, { keys: [listedKey(s.key, { notBefore: iso(24 * HOUR) })] })),
      );
      return s.key;
    },
  },
  {
    id: "send.transfer-receiver.trust-key-expired-refused",
    title: "A bundle signed by a key whose listing has ended is refused",
    what: "signed by a key the trust list listed only until an hour ago",
    receiptCode: "signing-key-expired",
    verifyCode: "bundle.key-expired",
    async list(ctx, s) {
      const validity = { notBefore: iso(-48 * HOUR), notAfter: iso(-HOUR) };
      await publishChange(ctx, (l) => putEntry(l, entryFor(s, { keys: [listedKey(s.key, validity)] })));
      return s.key;
    },
  },
  {
    id: "send.transfer-receiver.trust-key-revoked-refused",
    title: "A bundle signed by a key the trust list revokes is refused",
    what: "signed by a key the trust list revoked an hour ago",
    receiptCode: "signing-key-revoked",
    verifyCode: "bundle.key-revoked",
    async list(ctx, s) {
      await publishChange(ctx, (l) => {
        putEntry(l, entryFor(s));
        l.revocations.push({ kid: s.key.kid, revokedAt: iso(-HOUR), reason: "key-compromise" });
      });
      return s.key;
    },
  },
  {
    id: "send.transfer-receiver.trust-closed-setting-key-refused",
    title: "A bundle signed by the key of a setting that closed is refused",
    what: "signed by the key of a setting the trust list says closed yesterday",
    receiptCode: "sender-setting-closed",
    verifyCode: "bundle.setting-closed",
    async list(ctx, s) {
      await publishChange(ctx, (l) => putEntry(l, entryFor(s, { status: "closed", closedOn: yesterday() })));
      return s.key;
    },
  },
];

function keyRefusalTest(c: KeyCase): TestDef {
  return {
    id: c.id,
    title: c.title,
    level: "MUST",
    requirements: ["SI-API-080", "SI-API-068"],
    profile: "transfer-receiver",
    ...TRUST,
    async run(ctx) {
      const s = await loopback(ctx).newSetting(`Conformance sender (${c.receiptCode})`);
      const key = await c.list(ctx, s);
      const doc = await freshIsp(ctx);
      const sent = await suiteBundle(ctx, [doc], tenantSetting(ctx, 0), { key, from: s.setting });
      const what = `POST /transfers/inbox (${c.what})`;
      const reasons = expectRefusedWithoutReceipt(await postInbox(ctx, sent.jws), what);
      check(
        reasons.includes(c.receiptCode) || reasons.includes(c.verifyCode),
        `${what}: refused with ${reasons.join(", ")}, not with the reason ${c.receiptCode} (${c.verifyCode})`,
      );
      ctx.note(`refused with ${reasons.join(", ")}`);
      await expectNotImported(ctx, String(doc.id), what);
    },
  };
}

/** Whether the list the implementation holds now lists `urn` (read without verifying: the server vouches for it). */
async function holdsEntry(ctx: TestContext, urn: string): Promise<boolean> {
  const held = await heldTrustList(ctx);
  return held?.list.entries.some((e) => e.urn === urn) === true;
}

async function expectListRefused(ctx: TestContext, jws: string, what: string): Promise<void> {
  const res = await ctx.http.post("/trust-list", { token: token(ctx, PUBLISHER_A), body: { trustList: jws } });
  check(
    res.status >= 400 && res.status < 500,
    `POST /trust-list (${what}): expected a 4xx refusal, got HTTP ${res.status}`,
  );
}

export const TRUST_RECEIVER_TESTS: readonly TestDef[] = [
  {
    id: "send.transfer-receiver.trust-listed-key-accepted",
    title: "A bundle signed by a key only the trust list lists is accepted",
    level: "MUST",
    requirements: ["SI-API-080"],
    profile: "transfer-receiver",
    ...TRUST,
    async run(ctx) {
      // The control for the refusals below: the same kind of bundle, its key listed and in force, is believed.
      const s = await loopback(ctx).newSetting("Conformance sender (listed key)");
      await publishChange(ctx, (l) => putEntry(l, entryFor(s, { endpoints: { inbox: s.inboxUrl } })));
      const doc = await freshIsp(ctx);
      const sent = await suiteBundle(ctx, [doc], tenantSetting(ctx, 0), { key: s.key, from: s.setting });
      await expectAcceptedReceipt(
        ctx,
        await postInbox(ctx, sent.jws),
        sent,
        "POST /transfers/inbox (signed by a key the trust list lists in its entry)",
      );
      expectStatus(await readRecord(ctx, isp, String(doc.id), STAFF_A), 200, "GET the imported ISP");
    },
  },
  ...KEY_CASES.map(keyRefusalTest),
  {
    id: "send.transfer-receiver.trust-list-forged-refused",
    title: "A trust list not signed by the trust anchor changes nothing",
    level: "MUST",
    requirements: ["SI-API-081"],
    profile: "transfer-receiver",
    ...TRUST,
    async run(ctx) {
      const anchor = anchorKey(ctx);
      const held = await heldTrustList(ctx);
      const forger = await newSigningKey();
      const s = await loopback(ctx).newSetting("Conformance sender (forged listing)");
      // Far ahead in sequence, so only the signature can be the reason for a refusal.
      const forged = nextIssue(held?.list, anchor.kid, (l) => {
        putEntry(l, entryFor(s));
        l.sequence += 1000;
      });
      const byForger = await signTrustListJws({ ...forged, issuer: { ...forged.issuer, kid: forger.kid } }, forger);
      const byAnchor = await signTrustListJws(forged, anchor);
      const none = { alg: "none", kid: anchor.kid, typ: "send-trust-list+json" };
      const unsigned = `${Buffer.from(JSON.stringify(none)).toString("base64url")}.${byAnchor.split(".")[1]}.`;
      await expectListRefused(ctx, byForger, "signed by a key that is not the trust anchor's");
      await expectListRefused(ctx, flipCharacter(byAnchor, 2, 0.5), "the anchor's issue with a signature byte flipped");
      await expectListRefused(ctx, unsigned, "alg none, no signature");
      check(
        !(await holdsEntry(ctx, s.setting.urn)),
        "after the refused lists GET /trust-list lists the setting only they listed: an unsigned or forged list was believed",
      );
      const doc = await freshIsp(ctx);
      const sent = await suiteBundle(ctx, [doc], tenantSetting(ctx, 0), { key: s.key, from: s.setting });
      expectRejected(
        await postInbox(ctx, sent.jws),
        "POST /transfers/inbox (signed by a key only the forged lists listed)",
      );
      await expectNotImported(ctx, String(doc.id), "after the bundle signed by a key only a forged list listed");
    },
  },
  {
    id: "send.transfer-receiver.trust-list-older-refused",
    title: "An older trust list cannot bring back a revoked key",
    level: "MUST",
    requirements: ["SI-API-081", "SI-API-080"],
    profile: "transfer-receiver",
    ...TRUST,
    async run(ctx) {
      const anchor = anchorKey(ctx);
      const s = await loopback(ctx).newSetting("Conformance sender (replayed list)");
      const before = await publishChange(ctx, (l) => putEntry(l, entryFor(s)));
      const after = await publishChange(ctx, (l) =>
        l.revocations.push({ kid: s.key.kid, revokedAt: iso(-HOUR), reason: "key-compromise" }),
      );
      await expectListRefused(
        ctx,
        before.jws,
        `issue ${before.list.sequence} again, after issue ${after.list.sequence} revoked a key`,
      );
      // A fresh signature on a list that is not newer than the one held is no better.
      const held = await heldTrustList(ctx);
      const unrevoked: TrustList = nextIssue(held?.list, anchor.kid, (l) => {
        l.revocations = l.revocations.filter((r) => r.kid !== s.key.kid);
        l.sequence -= 1;
      });
      await expectListRefused(
        ctx,
        await signTrustListJws(unrevoked, anchor),
        `a new issue with the held sequence ${unrevoked.sequence}, without the revocation`,
      );
      const now = await heldTrustList(ctx);
      check(
        now?.list.revocations.some((r) => r.kid === s.key.kid) === true,
        "after the older lists GET /trust-list no longer revokes the key: an older issue replaced a newer one",
      );
      const doc = await freshIsp(ctx);
      const sent = await suiteBundle(ctx, [doc], tenantSetting(ctx, 0), { key: s.key, from: s.setting });
      expectRejected(await postInbox(ctx, sent.jws), "POST /transfers/inbox (signed by the revoked key)");
      await expectNotImported(ctx, String(doc.id), "after the bundle signed with the revoked key");
    },
  },
  {
    id: "send.transfer-receiver.trust-successor-receives",
    title: "A bundle for a converted setting is taken by its successor",
    level: "MUST",
    requirements: ["SI-API-083"],
    profile: "transfer-receiver",
    ...TRUST,
    async run(ctx) {
      // Tenant A's setting is the academy a school of the suite's converted into; another school closed for good.
      const lb = loopback(ctx);
      const a = tenantSetting(ctx, 0);
      const old = await lb.newSetting("Conformance school (converted)");
      const gone = await lb.newSetting("Conformance school (closed)");
      await publishChange(ctx, (l) => {
        putEntry(
          l,
          entryFor(old, {
            status: "converted",
            closedOn: yesterday(),
            successor: { urn: String(a.urn), name: String(a.name) },
          }),
        );
        putEntry(l, entryFor(gone, { status: "closed", closedOn: yesterday() }));
      });
      const doc = await freshIsp(ctx);
      const sent = await suiteBundle(ctx, [doc], old.setting);
      const what = `POST /transfers/inbox (addressed to ${old.setting.urn}, which converted; successor ${String(a.urn)})`;
      const receipt = await expectAcceptedReceipt(ctx, await postInbox(ctx, sent.jws), sent, what);
      const named = unverifiedPayload(receipt);
      const receiver =
        isObj(named) && isObj(named.receiver) && isObj(named.receiver.setting) ? named.receiver.setting : {};
      check(
        receiver.urn === a.urn,
        `${what}: the receipt names ${JSON.stringify(receiver.urn)} as the receiver, not the successor ${String(a.urn)}`,
      );
      expectStatus(await readRecord(ctx, isp, String(doc.id), STAFF_A), 200, "GET the ISP as the successor's staff");

      const lost = await freshIsp(ctx);
      const toGone = await suiteBundle(ctx, [lost], gone.setting);
      expectRejected(
        await postInbox(ctx, toGone.jws),
        `POST /transfers/inbox (addressed to ${gone.setting.urn}, which closed with no successor)`,
      );
      await expectNotImported(ctx, String(lost.id), "after the bundle for a setting that closed with no successor");
    },
  },
];

/** A child of tenant A with one ISP, and a transfer of it to `urn`; the answer to the request. */
async function requestTransfer(ctx: TestContext, urn: string) {
  await ensureSetting(ctx, tenantSetting(ctx, 0));
  const child = ctx.fixtures.newChild(0);
  await registerChild(ctx, child);
  const created = await createRecord(ctx, isp, child, STAFF_A);
  const res = await ctx.http.post(`/children/${encodeURIComponent(child.childId)}/transfers`, {
    token: token(ctx, STAFF_A),
    body: { receiver: { urn }, reason: "in-year-move" },
  });
  return { created, res };
}

const carries = (id: string) => (d: { payload: unknown }) =>
  isObj(d.payload) && Array.isArray(d.payload.documents) && d.payload.documents.some((x) => isObj(x) && x.id === id);

export const TRUST_SENDER_TESTS: readonly TestDef[] = [
  {
    id: "send.transfer-sender.trust-successor-receives",
    title: "A transfer to a converted setting reaches its successor's inbox",
    level: "MUST",
    requirements: ["SI-API-082"],
    profile: "transfer-sender",
    ...TRUST,
    async run(ctx) {
      const lb = loopback(ctx);
      const old = await lb.newSetting("Conformance school (converted)");
      const academy = await lb.newSetting("Conformance academy (successor)");
      await publishChange(ctx, (l) => {
        putEntry(
          l,
          entryFor(old, {
            status: "converted",
            closedOn: yesterday(),
            successor: { urn: academy.setting.urn, name: academy.setting.name },
          }),
        );
        putEntry(l, entryFor(academy));
      });
      await ensureSetting(ctx, old.setting);
      const { created, res } = await requestTransfer(ctx, old.setting.urn);
      expectStatus(res, [201, 202], `POST …/transfers (to ${old.setting.urn}, which converted)`);
      const delivery = await lb.waitFor(carries(created.id), DELIVERY_WAIT_MS);
      check(
        delivery,
        `nothing reached the successor's inbox (${academy.inboxUrl}) within ${DELIVERY_WAIT_MS / 1000} s for a transfer to ${old.setting.urn}, which converted`,
      );
      check(
        delivery.settingUrn === academy.setting.urn,
        `the bundle for ${old.setting.urn} was delivered to the inbox of ${delivery.settingUrn}, ` +
          `not to its successor ${academy.setting.urn}: the trust list says ${old.setting.urn} converted`,
      );
      check(
        delivery.verified,
        `the bundle the successor received does not verify: ${delivery.reasons.map((r) => r.message).join("; ")}`,
      );
      const url = ctx.http.resolve(header(res, "location", "POST …/transfers"));
      const view = await settledTransfer(ctx, url);
      check(
        view.status === "accepted",
        `after the successor's signed receipt GET ${new URL(url).pathname} says ${String(view.status)}, ` +
          "not accepted (the receipt is signed with the successor's listed key)",
      );
    },
  },
  {
    id: "send.transfer-sender.trust-closed-receiver-not-sent",
    title: "Nothing is sent to a setting that closed with no successor",
    level: "MUST",
    requirements: ["SI-API-082"],
    profile: "transfer-sender",
    ...TRUST,
    async run(ctx) {
      const lb = loopback(ctx);
      const gone = await lb.newSetting("Conformance school (closed)");
      await publishChange(ctx, (l) => putEntry(l, entryFor(gone, { status: "closed", closedOn: yesterday() })));
      await ensureSetting(ctx, gone.setting);
      const { created, res } = await requestTransfer(ctx, gone.setting.urn);
      check(res.status < 500, `POST …/transfers (to ${gone.setting.urn}, which closed): HTTP ${res.status}`);
      if (res.status === 201 || res.status === 202) {
        const view = await settledTransfer(ctx, ctx.http.resolve(header(res, "location", "POST …/transfers")));
        check(
          !["accepted", "received"].includes(String(view.status)),
          `a transfer to ${gone.setting.urn}, which closed with no successor, ended ${String(view.status)}`,
        );
        ctx.note(`the transfer was prepared and ended ${String(view.status)}`);
      } else {
        expectStatus(res, [400, 409, 422], `POST …/transfers (to ${gone.setting.urn}, which closed)`);
        ctx.note(`the transfer was refused with HTTP ${res.status}`);
      }
      const delivered = await lb.waitFor((d) => d.settingUrn === gone.setting.urn && carries(created.id)(d), 3_000);
      check(
        delivered === undefined,
        `a bundle was delivered to the inbox of ${gone.setting.urn}, which the trust list says closed with no successor`,
      );
    },
  },
];
