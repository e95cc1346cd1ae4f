// The transfer-receiver profile: the suite plays a sending setting with its own ES256 key (published at its loopback
// JWKS URL, which the implementation's trust list names) and sends valid, replayed, conflicting, tampered, wrongly
// signed and misaddressed bundles to POST /transfers/inbox. Ids: send.transfer-receiver.<behaviour>.
import { randomUUID } from "node:crypto";
import { encryptJws, type JWK } from "../transfer/signed-json.ts";
import type { TestContext, TestDef } from "../model.ts";
import { check, expectStatus, firstDifference, itemsOf } from "../check.ts";
import { isObj, markerOf } from "../fixtures/factory.ts";
import type { Json } from "../fixtures/templates.ts";
import { shippedReceiverSideFields } from "../transfer/fidelity.ts";
import { checkIntegration } from "../transfer/integration.ts";
import { resourceSpec } from "./resources.ts";
import { createRecord, itemPath, readRecord, registerChild, token } from "./steps.ts";
import {
  DELIVERY_WAIT_MS,
  ensureSetting,
  expectAcceptedReceipt,
  expectRefusedWithoutReceipt,
  expectRejected,
  flipCharacter,
  implementationJwks,
  loopback,
  newSigningKey,
  postInbox,
  STAFF_A,
  suiteBundle,
  suiteSetting,
  tenantSetting,
  unsignedJws,
} from "./transfer-steps.ts";

const isp = resourceSpec("isp");

/** A fresh ISP for a fresh child of tenant A, and tenant A's setting present in the directory (the addressee). */
async function freshIsp(ctx: TestContext): Promise<Json> {
  await ensureSetting(ctx, tenantSetting(ctx, 0));
  return ctx.fixtures.document("isp", ctx.fixtures.newChild(0));
}

/** Without receiver-side fields: what the suite sent, for comparing with what the implementation stored. */
function withoutReceiverSide(doc: unknown): unknown {
  const ignore = shippedReceiverSideFields();
  return JSON.parse(JSON.stringify(doc), (k, v: unknown) => (ignore.has(k) ? undefined : v));
}

async function expectNotImported(ctx: TestContext, id: string, what: string): Promise<void> {
  const res = await readRecord(ctx, isp, id, STAFF_A);
  check(
    res.status === 404,
    `${what}: the refused bundle's ISP ${id} is readable (HTTP ${res.status}); a refused bundle must store nothing`,
  );
}

async function versionCount(ctx: TestContext, id: string): Promise<number> {
  const res = await ctx.http.get(`${itemPath(isp, id)}/versions`, { token: token(ctx, STAFF_A) });
  expectStatus(res, 200, `GET ${itemPath(isp, id)}/versions`);
  return itemsOf(res, "versions").length;
}

const STAFF_B = { tenant: 1 as const, role: "setting-staff" as const };

const RECEIVER = {
  profile: "transfer-receiver" as const,
  capabilities: ["resource:isp"],
  roles: [STAFF_A, { tenant: 0 as const, role: "dfe-publisher" as const }],
};

export const TRANSFER_RECEIVER_TESTS: readonly TestDef[] = [
  {
    id: "send.transfer-receiver.valid-bundle-accepted",
    title: "A valid bundle is imported and answered with a signed receipt",
    level: "MUST",
    requirements: ["SI-API-049", "SI-API-050", "SI-API-052", "SI-API-054"],
    ...RECEIVER,
    async run(ctx) {
      const doc = await freshIsp(ctx);
      const sent = await suiteBundle(ctx, [doc], tenantSetting(ctx, 0));
      await expectAcceptedReceipt(ctx, await postInbox(ctx, sent.jws), sent, "POST /transfers/inbox");
      const read = await readRecord(ctx, isp, String(doc.id), STAFF_A);
      expectStatus(read, 200, "GET the imported ISP");
      const stored = read.json as Json;
      const prov = isObj(stored.provenance) ? stored.provenance : {};
      check(
        prov.importedFromBundleId === sent.bundle.id,
        `the imported ISP's provenance.importedFromBundleId is ${JSON.stringify(prov.importedFromBundleId)}, not the bundle id ${sent.bundle.id}`,
      );
      check(typeof prov.importedAt === "string", "the imported ISP has no provenance.importedAt");
      const diff = firstDifference(withoutReceiverSide(sent.bundle.documents[0]), withoutReceiverSide(stored));
      check(diff === undefined, `the imported ISP differs from the one in the bundle at ${diff}`);
    },
  },
  {
    id: "send.transfer-receiver.encrypted-bundle-accepted",
    title: "A bundle encrypted to the receiver's published key is accepted",
    // MUST for a receiver that publishes an encryption key (the requirement is conditional); the feature declares it.
    level: "MUST",
    requirements: ["SI-API-056", "SI-API-049", "SI-API-052"],
    ...RECEIVER,
    capabilities: ["resource:isp", "encrypted-bundles"],
    async run(ctx) {
      const doc = await freshIsp(ctx);
      const to = tenantSetting(ctx, 0);
      // The receiving setting's encryption key, found the way a sender finds it: by x-send-owner in the JWKS.
      const owner = `urn:${String(to.urn)}`;
      const encKey = (await implementationJwks(ctx)).keys.find(
        (k: JWK) => k.use === "enc" && (k as Record<string, unknown>)["x-send-owner"] === owner,
      );
      check(
        encKey !== undefined,
        `/.well-known/jwks.json publishes no encryption key (use "enc") with x-send-owner ${owner}`,
      );
      const sent = await suiteBundle(ctx, [doc], to);
      const jwe = await encryptJws(sent.jws, encKey);
      ctx.note(
        `encrypted to kid ${String(encKey.kid)} (ECDH-ES+A256KW, A256GCM); the receipt must name the signed bundle inside`,
      );
      await expectAcceptedReceipt(ctx, await postInbox(ctx, jwe), sent, "POST /transfers/inbox (compact JWE)");
      const read = await readRecord(ctx, isp, String(doc.id), STAFF_A);
      expectStatus(read, 200, "GET the ISP imported from the encrypted bundle");
      const diff = firstDifference(withoutReceiverSide(sent.bundle.documents[0]), withoutReceiverSide(read.json));
      check(diff === undefined, `the ISP imported from the encrypted bundle differs from the one sent at ${diff}`);
    },
  },
  {
    id: "send.transfer-receiver.replay-idempotent",
    title: "The same bundle sent twice gives the same receipt, no duplicate",
    level: "MUST",
    requirements: ["SI-API-047"],
    ...RECEIVER,
    async run(ctx) {
      const doc = await freshIsp(ctx);
      const sent = await suiteBundle(ctx, [doc], tenantSetting(ctx, 0));
      const first = await expectAcceptedReceipt(
        ctx,
        await postInbox(ctx, sent.jws),
        sent,
        "POST /transfers/inbox (first)",
      );
      const second = await expectAcceptedReceipt(
        ctx,
        await postInbox(ctx, sent.jws),
        sent,
        "POST /transfers/inbox (the same bundle again)",
      );
      check(first === second, "the replayed bundle got a different receipt: a replay must return the first result");
      const n = await versionCount(ctx, String(doc.id));
      check(n === 1, `after a replay the ISP has ${n} versions; the second import must change nothing`);
    },
  },
  {
    id: "send.transfer-receiver.same-id-different-content-conflict",
    title: "A bundle id already imported with other content gives 409",
    level: "MUST",
    requirements: ["SI-API-048"],
    ...RECEIVER,
    async run(ctx) {
      const doc = await freshIsp(ctx);
      const to = tenantSetting(ctx, 0);
      const sent = await suiteBundle(ctx, [doc], to);
      await expectAcceptedReceipt(ctx, await postInbox(ctx, sent.jws), sent, "POST /transfers/inbox");
      const marker = randomUUID();
      const other = await suiteBundle(ctx, [ctx.fixtures.withMarker(doc, marker)], to, { bundleId: sent.bundle.id });
      const res = await postInbox(ctx, other.jws);
      expectStatus(res, 409, "POST /transfers/inbox (same bundle id, different content)");
      const read = await readRecord(ctx, isp, String(doc.id), STAFF_A);
      expectStatus(read, 200, "GET the ISP after the conflict");
      check(markerOf(read.json) !== marker, "the conflicting bundle's content was stored anyway");
      const n = await versionCount(ctx, String(doc.id));
      check(n === 1, `after the conflict the ISP has ${n} versions; nothing may change`);
    },
  },
  {
    id: "send.transfer-receiver.tampered-bundle-rejected",
    title: "Tampered bundles are refused with reasons and nothing is stored",
    level: "MUST",
    requirements: ["SI-API-049", "SI-API-068"],
    ...RECEIVER,
    async run(ctx) {
      const doc = await freshIsp(ctx);
      const to = tenantSetting(ctx, 0);
      const sent = await suiteBundle(ctx, [doc], to);
      // Signed by the trusted key, but a document was changed after its digest was taken (a sender-side bug or a
      // tampering before signing): only the digest check catches it.
      const redigested = await suiteBundle(ctx, [doc], to, {
        alter: (b) => {
          (b.documents as unknown[])[0] = ctx.fixtures.withMarker(
            b.documents[0] as unknown as Json,
            "changed after the digest was taken",
          );
        },
      });
      const cases: [string, string][] = [
        ["payload byte flipped near the start", flipCharacter(sent.jws, 1, 0.1)],
        ["payload byte flipped in the middle", flipCharacter(sent.jws, 1, 0.5)],
        ["payload byte flipped near the end", flipCharacter(sent.jws, 1, 0.9)],
        ["signature byte flipped", flipCharacter(sent.jws, 2, 0.5)],
        ["document changed after its digest was taken (validly signed)", redigested.jws],
      ];
      for (const [what, jws] of cases) {
        // Only the validly signed case may be answered with a (rejected) receipt.
        const refuse = jws === redigested.jws ? expectRejected : expectRefusedWithoutReceipt;
        const reasons = refuse(await postInbox(ctx, jws), `POST /transfers/inbox (${what})`);
        ctx.note(`${what}: refused with ${reasons.slice(0, 3).join(", ")}`);
      }
      await expectNotImported(ctx, String(doc.id), "after the tampered bundles");
    },
  },
  {
    id: "send.transfer-receiver.wrong-key-rejected",
    title: "A bundle signed with another key under a trusted kid is refused",
    level: "MUST",
    requirements: ["SI-API-049", "SI-API-044", "SI-API-068"],
    ...RECEIVER,
    async run(ctx) {
      const doc = await freshIsp(ctx);
      const sent = await suiteBundle(ctx, [doc], tenantSetting(ctx, 0), {
        key: await newSigningKey(),
        kid: loopback(ctx).key.kid,
      });
      expectRefusedWithoutReceipt(
        await postInbox(ctx, sent.jws),
        "POST /transfers/inbox (signed with another key, trusted kid)",
      );
      await expectNotImported(ctx, String(doc.id), "after the wrongly signed bundle");
    },
  },
  {
    id: "send.transfer-receiver.unknown-key-rejected",
    title: "A bundle signed with a key no trusted JWKS lists is refused",
    level: "MUST",
    requirements: ["SI-API-049", "SI-API-054", "SI-API-068"],
    ...RECEIVER,
    async run(ctx) {
      const doc = await freshIsp(ctx);
      const sent = await suiteBundle(ctx, [doc], tenantSetting(ctx, 0), { key: await newSigningKey() });
      expectRefusedWithoutReceipt(await postInbox(ctx, sent.jws), "POST /transfers/inbox (unknown kid)");
      await expectNotImported(ctx, String(doc.id), "after the bundle with an unknown key");
    },
  },
  {
    id: "send.transfer-receiver.unsigned-bundle-rejected",
    title: "An unsigned (alg none) bundle is refused",
    level: "MUST",
    requirements: ["SI-API-049", "SI-API-044", "SI-API-068"],
    ...RECEIVER,
    async run(ctx) {
      const doc = await freshIsp(ctx);
      const sent = await suiteBundle(ctx, [doc], tenantSetting(ctx, 0));
      expectRefusedWithoutReceipt(
        await postInbox(ctx, unsignedJws(sent.bundle, loopback(ctx).key.kid)),
        "POST /transfers/inbox (alg none)",
      );
      await expectNotImported(ctx, String(doc.id), "after the unsigned bundle");
    },
  },
  {
    id: "send.transfer-receiver.misaddressed-bundle-rejected",
    title: "A bundle addressed to a setting hosted elsewhere is refused",
    level: "MUST",
    requirements: ["SI-API-049"],
    ...RECEIVER,
    async run(ctx) {
      const doc = await freshIsp(ctx);
      // The suite's own setting: the implementation's directory says another system (the suite) hosts it.
      await ensureSetting(ctx, suiteSetting(ctx));
      const sent = await suiteBundle(ctx, [doc], suiteSetting(ctx));
      expectRejected(await postInbox(ctx, sent.jws), "POST /transfers/inbox (addressed to another system's setting)");
      await expectNotImported(ctx, String(doc.id), "after the misaddressed bundle");
    },
  },
  {
    id: "send.transfer-receiver.import-adds-version-with-provenance",
    title: "Importing a known child's plan adds a version with provenance",
    level: "MUST",
    requirements: ["SI-API-052"],
    ...RECEIVER,
    async run(ctx) {
      await ensureSetting(ctx, tenantSetting(ctx, 0));
      const created = await createRecord(ctx, isp, ctx.fixtures.newChild(0), STAFF_A);
      const marker = randomUUID();
      const sent = await suiteBundle(ctx, [ctx.fixtures.withMarker(created.doc, marker)], tenantSetting(ctx, 0));
      await expectAcceptedReceipt(
        ctx,
        await postInbox(ctx, sent.jws),
        sent,
        "POST /transfers/inbox (a plan the implementation holds)",
      );
      const read = await readRecord(ctx, isp, created.id, STAFF_A);
      expectStatus(read, 200, "GET the ISP after the import");
      check(markerOf(read.json) === marker, "the imported content is not the ISP's current version");
      const prov = isObj((read.json as Json).provenance) ? ((read.json as Json).provenance as Json) : {};
      check(
        prov.importedFromBundleId === sent.bundle.id,
        `provenance.importedFromBundleId is ${JSON.stringify(prov.importedFromBundleId)}, not ${sent.bundle.id}`,
      );
      const n = await versionCount(ctx, created.id);
      check(
        n === 2,
        `the ISP has ${n} versions after the import; expected 2 (the import is a new version, never an overwrite)`,
      );
      const v1 = await ctx.http.get(`${itemPath(isp, created.id)}/versions/1`, { token: token(ctx, STAFF_A) });
      expectStatus(v1, 200, "GET …/versions/1");
      check(markerOf(v1.json) === undefined, "version 1 was overwritten by the import");
    },
  },
  {
    id: "send.transfer-receiver.foreign-child-not-re-tenanted",
    title: "A bundle naming another tenant's child never moves or exposes it",
    level: "MUST",
    requirements: ["SI-API-065"],
    ...RECEIVER,
    roles: [...RECEIVER.roles, STAFF_B],
    async run(ctx) {
      // Tenant B holds a child and its plan. A trusted sender then sends tenant A a bundle whose ISP carries B's
      // child's UPN, person id and the plan's own id: the takeover an attacker would try. Whatever the implementation
      // answers (import, hold for review, refusal), B's records must stay B's and unchanged, and A must not see them.
      await ensureSetting(ctx, tenantSetting(ctx, 0));
      await ensureSetting(ctx, tenantSetting(ctx, 1));
      // One child record (with the id tenant B's server assigns), so the UPN names exactly one child there.
      const child = await registerChild(ctx, ctx.fixtures.newChild(1), STAFF_B);
      const plan = await createRecord(ctx, isp, child, STAFF_B);
      const before = await ctx.http.get(`/children/${encodeURIComponent(child.childId)}`, {
        token: token(ctx, STAFF_B),
      });
      expectStatus(before, 200, "GET the child as tenant B");
      const planBefore = await readRecord(ctx, isp, plan.id, STAFF_B);
      expectStatus(planBefore, 200, "GET the plan as tenant B");
      const sent = await suiteBundle(ctx, [ctx.fixtures.withMarker(plan.doc)], tenantSetting(ctx, 0));
      const res = await postInbox(ctx, sent.jws);
      check(
        res.status < 500,
        `POST /transfers/inbox (a bundle naming tenant B's child, addressed to tenant A): HTTP ${res.status}`,
      );
      ctx.note(`the implementation answered HTTP ${res.status}`);

      const after = await ctx.http.get(`/children/${encodeURIComponent(child.childId)}`, {
        token: token(ctx, STAFF_B),
      });
      check(
        after.status === 200,
        `after the import tenant B gets HTTP ${after.status} for its own child ${child.childId}: the import moved it`,
      );
      const diff = firstDifference(before.json, after.json);
      check(
        diff === undefined,
        `after the import tenant B's child record differs at ${diff}: an import must never change another tenant's record`,
      );
      const planAfter = await readRecord(ctx, isp, plan.id, STAFF_B);
      check(
        planAfter.status === 200,
        `after the import tenant B gets HTTP ${planAfter.status} for its own plan ${plan.id}`,
      );
      check(
        markerOf(planAfter.json) === undefined && firstDifference(planBefore.json, planAfter.json) === undefined,
        "after the import tenant B's plan was changed by a bundle addressed to tenant A",
      );

      const asA = await ctx.http.get(`/children/${encodeURIComponent(child.childId)}`, { token: token(ctx, STAFF_A) });
      check(
        asA.status === 404,
        `tenant A reads tenant B's child after the import (HTTP ${asA.status}): the import exposed another tenant's record`,
      );
      const found = await ctx.http.get(`/children?upn=${encodeURIComponent(child.upn)}`, {
        token: token(ctx, STAFF_A),
      });
      expectStatus(found, 200, "GET /children?upn=… as tenant A");
      check(
        !itemsOf(found, "GET /children").some((c) => c.id === child.childId),
        "tenant A finds tenant B's child by UPN after the import",
      );
      const planAsA = await readRecord(ctx, isp, plan.id, STAFF_A);
      check(
        planAsA.status === 404,
        `tenant A reads tenant B's plan ${plan.id} after the import (HTTP ${planAsA.status})`,
      );
    },
  },
  {
    id: "send.transfer-receiver.integration-acknowledgement-signed",
    title: "Recording integration sends a signed acknowledgement to the sender",
    level: "MUST",
    requirements: ["SI-API-094"],
    ...RECEIVER,
    async run(ctx) {
      const { sent, ack } = await acknowledged(ctx, { outcome: "integrated" });
      const checked = await checkIntegration(ack.raw, await implementationJwks(ctx), {
        bundleId: sent.bundle.id,
        digest: sent.digest,
      });
      check(
        checked.ok,
        `the integration acknowledgement the implementation sent to the suite does not verify against /.well-known/jwks.json: ` +
          `${checked.ok ? "" : checked.reasons.map((r) => `${r.code} ${r.message}`).join("; ")}`,
      );
      const doc = checked.integration;
      check(
        doc.outcome === "integrated",
        `the acknowledgement's outcome is ${JSON.stringify(doc.outcome)}, not "integrated"`,
      );
      const by = isObj(doc.recordedBy) ? doc.recordedBy.displayName : undefined;
      check(
        typeof by === "string" && by.length > 0,
        "the acknowledgement does not name the member of staff who recorded the integration (recordedBy.displayName)",
      );
    },
  },
  {
    id: "send.transfer-receiver.not-integrated-needs-reason",
    title: "Not integrated needs a reason code, which the acknowledgement carries",
    level: "MUST",
    requirements: ["SI-API-094"],
    ...RECEIVER,
    async run(ctx) {
      const { sent, ack } = await acknowledged(ctx, { outcome: "not-integrated", reason: "child-not-on-roll" }, true);
      const checked = await checkIntegration(ack.raw, await implementationJwks(ctx), {
        bundleId: sent.bundle.id,
        digest: sent.digest,
      });
      check(
        checked.ok,
        `the not-integrated acknowledgement does not verify: ${checked.ok ? "" : checked.reasons.map((r) => `${r.code} ${r.message}`).join("; ")}`,
      );
      check(
        checked.integration.outcome === "not-integrated" && checked.integration.reason === "child-not-on-roll",
        `the acknowledgement says ${JSON.stringify({ outcome: checked.integration.outcome, reason: checked.integration.reason })}, ` +
          `not not-integrated for child-not-on-roll`,
      );
    },
  },
];

/** A suite bundle imported by the implementation, then its integration recorded by staff A; waits for the acknowledgement. */
async function acknowledged(ctx: TestContext, body: Json, reasonRequired = false) {
  const doc = await freshIsp(ctx);
  const sent = await suiteBundle(ctx, [doc], tenantSetting(ctx, 0));
  await expectAcceptedReceipt(ctx, await postInbox(ctx, sent.jws), sent, "POST /transfers/inbox");
  const path = `/transfers/${encodeURIComponent(sent.bundle.id)}/integration`;
  if (reasonRequired) {
    const bare = await ctx.http.post(path, { token: token(ctx, STAFF_A), body: { outcome: body.outcome } });
    check(
      bare.status === 422 || bare.status === 400,
      `POST ${path} with outcome ${String(body.outcome)} and no reason: expected 422, got HTTP ${bare.status}`,
    );
  }
  const res = await ctx.http.post(path, { token: token(ctx, STAFF_A), body });
  expectStatus(res, [200, 201, 202], `POST ${path}`);
  const ack = await loopback(ctx).waitForAcknowledgement(sent.bundle.id, DELIVERY_WAIT_MS);
  check(
    ack,
    `the implementation sent no integration acknowledgement for bundle ${sent.bundle.id} ` +
      `to the suite's ${loopback(ctx).settings.baseUrl}/transfers/acknowledgements ` +
      `within ${DELIVERY_WAIT_MS / 1000} s`,
  );
  return { sent, ack };
}
