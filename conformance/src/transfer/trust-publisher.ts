// Publishing trust-list issues as the implementation's trust anchor (feature `trust-anchor`): the suite reads the
// list the implementation holds (GET /trust-list), applies one test's change (an entry for a setting of its own
// making, a revocation), signs the next issue with the anchor key from the configuration and publishes it
// (POST /trust-list, dfe-publisher). Tests run in parallel and a server refuses an issue whose sequence is not higher
// than the one it holds, so publishing is serialised per implementation and retried on 409; every entry found is
// kept, so one test's change never undoes another's. Signed with jose (signed-json.ts), never the SDK.
import type { TrustList, TrustListEntry } from "send-interchange";
import { check, expectStatus } from "../check.ts";
import type { TestContext } from "../model.ts";
import { token } from "../profiles/steps.ts";
import { isObj } from "../fixtures/factory.ts";
import { type JWK, signJson, unverifiedPayload } from "./signed-json.ts";

export type { TrustList, TrustListEntry };

export interface AnchorKey {
  privateJwk: JWK;
  kid: string;
}

const DAY = 86_400_000;

/** The next issue after `current` (or a first one): one sequence higher, issued now, signed by `anchor`. */
export function nextIssue(
  current: TrustList | undefined,
  anchorKid: string,
  change: (list: TrustList) => void,
  by = "send-conformance",
): TrustList {
  const now = new Date();
  const list: TrustList = {
    documentType: "trust-list",
    schemaVersion: "1.0",
    id: current?.id ?? globalThis.crypto.randomUUID(),
    provenance: {
      createdBy: { personType: "system", displayName: by },
      createdAt: now.toISOString(),
      system: { name: "send-conformance", version: "trust-anchor" },
    },
    sequence: (current?.sequence ?? 0) + 1,
    issuer: { name: current?.issuer.name ?? "Trust anchor", kid: anchorKid },
    issuedAt: now.toISOString(),
    nextUpdate: new Date(now.getTime() + DAY).toISOString(),
    entries: structuredClone(current?.entries ?? []),
    revocations: structuredClone(current?.revocations ?? []),
    ...(current?.extensions ? { extensions: structuredClone(current.extensions) } : {}),
  };
  change(list);
  return list;
}

/** Replaces (or adds) the entry for `entry.urn`. */
export function putEntry(list: TrustList, entry: TrustListEntry): void {
  list.entries = [...list.entries.filter((e) => e.urn !== entry.urn), entry];
}

export const signTrustListJws = (list: TrustList, anchor: AnchorKey): Promise<string> =>
  signJson(list, "send-trust-list+json", anchor);

/** The configured anchor key; tests that need it declare the feature `trust-anchor`, which requires it. */
export function anchorKey(ctx: TestContext): AnchorKey {
  const jwk = ctx.config.transfers?.trustAnchor;
  if (!jwk) throw new Error("transfers.trustAnchor is not configured (the feature trust-anchor needs it)");
  return { privateJwk: jwk as JWK, kid: jwk.kid };
}

export interface HeldList {
  jws: string;
  list: TrustList;
}

/** The issue the implementation holds now (GET /trust-list), or undefined while it holds none (404). */
export async function heldTrustList(ctx: TestContext): Promise<HeldList | undefined> {
  const res = await ctx.http.get("/trust-list");
  if (res.status === 404) return undefined;
  expectStatus(res, 200, "GET /trust-list");
  const jws = isObj(res.json) ? res.json.trustList : undefined;
  check(typeof jws === "string", 'GET /trust-list: the answer carries no "trustList" (the compact JWS)');
  const list = unverifiedPayload(jws);
  check(isObj(list) && typeof list.sequence === "number", "GET /trust-list: the JWS payload is not a trust list");
  return { jws: jws as string, list: list as unknown as TrustList };
}

const queues = new Map<string, Promise<unknown>>();

/** Signs and publishes the next issue with `change` applied; resolves to what was published. */
export function publishChange(ctx: TestContext, change: (list: TrustList) => void): Promise<HeldList> {
  const key = ctx.config.baseUrl;
  const run = async (): Promise<HeldList> => {
    const anchor = anchorKey(ctx);
    for (let attempt = 0; ; attempt++) {
      const held = await heldTrustList(ctx);
      const list = nextIssue(held?.list, anchor.kid, change);
      const jws = await signTrustListJws(list, anchor);
      const res = await ctx.http.post("/trust-list", {
        token: token(ctx, { tenant: 0, role: "dfe-publisher" }),
        body: { trustList: jws },
      });
      // Another publisher (or a list source) got in first: read again and build on its issue.
      if (res.status === 409 && attempt < 3) continue;
      expectStatus(res, 200, `POST /trust-list (issue ${list.sequence}, signed by the trust anchor ${anchor.kid})`);
      return { jws, list };
    }
  };
  const next = (queues.get(key) ?? Promise.resolve()).catch(() => undefined).then(run);
  queues.set(key, next);
  return next;
}
