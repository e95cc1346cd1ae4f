// Signed messages between local authorities on different servers (children who move between LAs, TR-LC "Across
// servers"): a query, a request and a decision, each a compact JWS (ES256, typ send-la-message+json) signed with the
// sending LA's transfer key. The receiving server believes a message only when the anchor-signed trust list has an
// open local-authority entry for the claimed LA whose key signed it (a school's key, a key only the operator's
// directory names, or a key of another LA is refused), the message is under five minutes old, and its jti is new.
import { randomUUID } from "node:crypto";
import {
  checkSignedJson,
  signJson,
  trustListEntry,
  type TrustList as SignedTrustList,
} from "../../../sdk/src/bundle/index.ts";
import { AlreadyExistsError, type ResourceKind, type Store } from "../storage/store.ts";
import { laOwner, type KeyRing } from "./keyring.ts";
import type { LostChildQuery } from "./lost-child-match.ts";
import { boundedFetch } from "./outbound.ts";
import type { TrustList } from "./trust.ts";

export const LA_MESSAGE_TYPE = "send-la-message+json" as const;
/** Each message id seen, so that a captured message cannot be sent again (kept: it is also the receiving record). */
export const LA_MESSAGE_KIND = "transfer-la-message" as ResourceKind;
/** Older messages are refused: long enough for clock skew between servers, short enough to bound the replay store. */
export const MAX_MESSAGE_AGE_S = 300;
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Envelope {
  /** The sending LA's code. */
  iss: string;
  /** The officer who acted, as the sending server authenticated them. */
  sub: string;
  iat: number;
  jti: string;
}

export type LaMessageBody =
  | { kind: "query"; query: LostChildQuery }
  | { kind: "request"; matchRef: string; reason: string }
  | {
      kind: "decision";
      requestId: string;
      decision: "approve" | "refuse";
      reason?: string;
      /** On approval: the original signed bundle, released. */
      bundle?: string;
    };

export type LaMessage = Envelope & LaMessageBody;

export type Verified = { ok: true; message: LaMessage } | { ok: false; status: 401 | 403 | 409; detail: string };

/** Where the other local authorities' servers are: one base URL per server, with the LAs the list says it serves. */
export interface LaPeer {
  baseUrl: string;
  laCodes: string[];
}

const baseOf = (inbox: string) => inbox.replace(/\/transfers\/inbox\/?$/, "");

/** The servers of the open LA entries of a list, other than the asker's own server (it searches itself locally). */
export function laPeers(list: SignedTrustList | undefined, askerLaCode: string): LaPeer[] {
  if (!list) return [];
  const las = list.entries.filter((e) => e.entryType === "local-authority" && e.status === "open" && e.laCode);
  const own = new Set(las.filter((e) => e.laCode === askerLaCode).map((e) => baseOf(e.endpoints.inbox)));
  const peers = new Map<string, LaPeer>();
  for (const e of las) {
    const base = baseOf(e.endpoints.inbox);
    if (own.has(base)) continue;
    const p = peers.get(base) ?? { baseUrl: base, laCodes: [] };
    p.laCodes.push(e.laCode!);
    peers.set(base, p);
  }
  return [...peers.values()];
}

/** The base URL of an LA's server by the signed list; undefined when the list has no open entry for it. */
export function laBaseUrl(list: SignedTrustList | undefined, laCode: string): string | undefined {
  const e = list ? trustListEntry(list, laOwner(laCode)) : undefined;
  return e && e.entryType === "local-authority" && e.status === "open" ? baseOf(e.endpoints.inbox) : undefined;
}

export class LaMessenger {
  constructor(
    private readonly store: Store,
    private readonly keyring: KeyRing,
    private readonly trust: TrustList,
    private readonly clock: () => Date,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async sign(laCode: string, subject: string, body: LaMessageBody): Promise<string> {
    const keys = await this.keyring.keysFor(laOwner(laCode));
    const message: LaMessage = {
      iss: laCode,
      sub: subject,
      iat: Math.floor(this.clock().getTime() / 1000),
      jti: randomUUID(),
      ...body,
    };
    return (await signJson(message, LA_MESSAGE_TYPE, {
      privateKey: keys.signing.privateJwk,
      kid: keys.signing.kid,
    })) as string;
  }

  /** Posts a signed message to another server; throws when it cannot be delivered (the caller answers 503). */
  async send(baseUrl: string, path: string, jws: string): Promise<{ status: number; body: unknown }> {
    const res = await boundedFetch(
      this.fetchImpl,
      `${baseUrl}${path}`,
      { method: "POST", headers: { "content-type": "application/jose", accept: "application/json" }, body: jws },
      { maxBytes: MAX_ANSWER_BYTES, timeoutMs: 10_000 },
    );
    let body: unknown;
    try {
      body = res.text ? JSON.parse(res.text) : undefined;
    } catch {
      body = undefined;
    }
    return { status: res.status, body };
  }

  /** Checks a message's signature, signer and freshness, and records its jti; `kind` is what the route expects. */
  async verify(jws: string, kind: LaMessage["kind"]): Promise<Verified> {
    const list = await this.trust.ready().catch(() => undefined);
    if (!list) return { ok: false, status: 403, detail: "This server holds no trust list, so it answers no other LA." };
    const now = this.clock();
    const checked = await checkSignedJson(jws, "la-message", LA_MESSAGE_TYPE, { trustedKeys: this.trust.resolve, now });
    if (!checked.ok) return { ok: false, status: 401, detail: checked.reasons.map((r) => r.message).join(" ") };
    const m = checked.payload as Partial<LaMessage>;
    if (
      typeof m.iss !== "string" ||
      !/^\d{3}$/.test(m.iss) ||
      typeof m.sub !== "string" ||
      m.sub.length === 0 ||
      m.sub.length > 200 ||
      typeof m.iat !== "number" ||
      typeof m.jti !== "string" ||
      !UUID.test(m.jti) ||
      m.kind !== kind
    )
      return { ok: false, status: 401, detail: `Not a ${kind} message (iss, sub, iat, jti, kind).` };
    if (Math.abs(now.getTime() / 1000 - m.iat) > MAX_MESSAGE_AGE_S)
      return { ok: false, status: 401, detail: `The message is more than ${MAX_MESSAGE_AGE_S} seconds old or ahead.` };
    // Only the claimed LA's own key: the list's entry for it must be an open local authority, and the key must be
    // its (a server's JWKS also holds its schools' keys, each marked with its owner).
    const key = await this.trust.resolve(checked.kid);
    const entry = trustListEntry(list, laOwner(m.iss));
    const marked = (key?.jwk as Record<string, unknown> | undefined)?.["x-send-owner"];
    if (
      !key ||
      key.owner !== laOwner(m.iss) ||
      !entry ||
      entry.entryType !== "local-authority" ||
      entry.status !== "open" ||
      (marked !== undefined && marked !== laOwner(m.iss))
    )
      return {
        ok: false,
        status: 403,
        detail: `Key "${checked.kid}" is not local authority ${m.iss}'s key in the trust list; only LAs may ask.`,
      };
    try {
      await this.store.create(
        LA_MESSAGE_KIND,
        m.jti,
        { iss: m.iss, sub: m.sub, kind: m.kind, iat: m.iat },
        {},
        { laCode: m.iss },
        {
          actor: { subject: `${m.iss}:${m.sub}`, role: "la-officer", tenant: { laCode: m.iss } },
          reason: `Signed ${m.kind} from local authority ${m.iss}`,
          correlationId: m.jti,
        },
      );
    } catch (err) {
      if (err instanceof AlreadyExistsError)
        return { ok: false, status: 409, detail: "This message was received before (its jti is not new)." };
      throw err;
    }
    return { ok: true, message: m as LaMessage };
  }
}
