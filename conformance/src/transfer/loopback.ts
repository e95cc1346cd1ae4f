// The suite's temporary receiver on loopback (127.0.0.1 only): it serves the suite's JWKS (the key it signs test
// bundles and receipts with) and an inbox. A bundle the implementation pushes is verified with the SDK against the
// implementation's own JWKS (fetched from the base URL), kept for the test waiting on it, and answered like a
// receiver would: a signed `accepted` receipt, or a signed `rejected` receipt with reasons. It contacts nothing but
// the implementation's base URL.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { checkBundle, signedReceipt } from "./bundles.ts";
import {
  canonical,
  type Jwks,
  type JWK,
  newSigningKey,
  publicPart,
  type Reason,
  type SigningKey,
  sha256Hex,
  unverifiedPayload,
} from "./signed-json.ts";
import { ConfigError, type SuiteConfig } from "../config.ts";
import { suiteTransferSettings, type SuiteTransferSettings } from "./suite-receiver-setting.ts";

export const SUITE_SYSTEM = { name: "send-conformance", version: "1.0" } as const;

/** A further setting the suite stands for (trust-list tests): its own key, JWKS and inbox under /s/<urn>/. */
export interface ExtraSetting {
  setting: { name: string; urn: string; laestab: string; laCode: string; [k: string]: unknown };
  key: SigningKey;
  inboxUrl: string;
  jwksUrl: string;
}

/** One bundle the implementation delivered to the suite's inbox. */
export interface Delivery {
  /** The URN of the setting whose inbox it reached (the suite's own, or an extra setting's). */
  settingUrn: string;
  receivedAt: string;
  contentType: string;
  raw: string;
  /** The payload as sent (decoded without trusting it): for inspection even when verification failed. */
  payload: unknown;
  verified: boolean;
  reasons: Reason[];
  bundle?: Record<string, unknown> & { id: string; documents: unknown[] };
  digest?: string;
  /** The signed receipt the suite answered with. */
  receipt?: string;
  status: number;
}

/** One integration acknowledgement the implementation delivered to the suite (checked by the test that waits). */
export interface AcknowledgementDelivery {
  receivedAt: string;
  contentType: string;
  raw: string;
  /** The payload as sent, read without trusting it. */
  payload: unknown;
}

interface Waiter {
  match: (d: Delivery) => boolean;
  resolve: (d: Delivery) => void;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

export class LoopbackReceiver {
  readonly deliveries: Delivery[] = [];
  readonly acknowledgements: AcknowledgementDelivery[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly extra = new Map<string, ExtraSetting>();
  private readonly ackWaiters = new Set<{ bundleId: string; resolve: (a: AcknowledgementDelivery) => void }>();
  private server: Server | undefined;

  private constructor(
    readonly settings: SuiteTransferSettings,
    readonly key: SigningKey,
    private readonly implementationJwksUrl: string,
  ) {}

  /** Starts the receiver on the configured loopback port with the configured key (or a fresh one for this run). */
  static async start(cfg: SuiteConfig): Promise<LoopbackReceiver> {
    const settings = suiteTransferSettings(cfg);
    const configured = cfg.transfers?.signingKey as (JWK & { kid?: string }) | undefined;
    const key: SigningKey =
      configured?.d && configured.kid
        ? { kid: configured.kid, privateJwk: configured, publicJwk: publicPart(configured) }
        : await newSigningKey();
    const base = new URL(cfg.baseUrl.endsWith("/") ? cfg.baseUrl : `${cfg.baseUrl}/`);
    const r = new LoopbackReceiver(settings, key, new URL(".well-known/jwks.json", base).toString());
    await r.listen();
    return r;
  }

  /** The suite's public keys, as served at /.well-known/jwks.json. */
  jwks(): Jwks {
    return { keys: [{ ...this.key.publicJwk, kid: this.key.kid, use: "sig", alg: "ES256" }] };
  }

  /** A fresh setting of the suite's (a URN no real establishment has, in the 19xxxx range) with a fresh key. */
  async newSetting(name: string): Promise<ExtraSetting> {
    let urn: string;
    do urn = `19${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
    while (urn === this.settings.setting.urn || this.extra.has(urn));
    const base = `${this.settings.baseUrl}/s/${urn}`;
    const s: ExtraSetting = {
      setting: { ...this.settings.setting, name, urn, laestab: `${this.settings.setting.laCode}${urn.slice(2)}` },
      key: await newSigningKey(),
      inboxUrl: `${base}/transfers/inbox`,
      jwksUrl: `${base}/.well-known/jwks.json`,
    };
    this.extra.set(urn, s);
    return s;
  }

  private listen(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once("error", (err: NodeJS.ErrnoException) =>
        reject(
          new ConfigError([
            `the suite's loopback receiver cannot listen on 127.0.0.1:${this.settings.port} ` +
              `(${err.code ?? err.message}); set transfers.loopbackPort to a free port and register it ` +
              `with your implementation`,
          ]),
        ),
      );
      server.listen(this.settings.port, "127.0.0.1", () => resolve());
    });
  }

  get port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? this.settings.port;
  }

  async close(): Promise<void> {
    const s = this.server;
    if (!s) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      s.closeAllConnections();
      s.close(() => resolve());
    });
  }

  /** The first delivery (already received or still to come) that `match` accepts; undefined after `timeoutMs`. */
  waitFor(match: (d: Delivery) => boolean, timeoutMs: number): Promise<Delivery | undefined> {
    const found = this.deliveries.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        match,
        resolve: (d) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(d);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve(undefined);
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** The first integration acknowledgement about `bundleId` (received or still to come); undefined after `timeoutMs`. */
  waitForAcknowledgement(bundleId: string, timeoutMs: number): Promise<AcknowledgementDelivery | undefined> {
    const about = (a: AcknowledgementDelivery) => isObj(a.payload) && a.payload.bundleId === bundleId;
    const found = this.acknowledgements.find(about);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => {
      const waiter = {
        bundleId,
        resolve: (a: AcknowledgementDelivery) => {
          clearTimeout(timer);
          this.ackWaiters.delete(waiter);
          resolve(a);
        },
      };
      const timer = setTimeout(() => {
        this.ackWaiters.delete(waiter);
        resolve(undefined);
      }, timeoutMs);
      this.ackWaiters.add(waiter);
    });
  }

  /** Keeps what the implementation sends and answers 200: the waiting test checks it, so its message can say why. */
  private async acknowledgement(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8").trim();
    const contentType = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    const payload = unverifiedPayload(raw);
    const ack: AcknowledgementDelivery = { receivedAt: new Date().toISOString(), contentType, raw, payload };
    this.acknowledgements.push(ack);
    const bundleId = isObj(payload) ? payload.bundleId : undefined;
    const outcome = isObj(payload) ? payload.outcome : undefined;
    send(res, 200, { bundleId, status: outcome });
    for (const w of [...this.ackWaiters]) if (w.bundleId === bundleId) w.resolve(ack);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
      if (req.method === "GET" && path === "/.well-known/jwks.json") return send(res, 200, this.jwks());
      if (req.method === "POST" && path === "/transfers/inbox")
        return await this.inbox(req, res, { setting: this.settings.setting, key: this.key });
      const extra = /^\/s\/(\d{6})(\/.*)$/.exec(path);
      const s = extra ? this.extra.get(extra[1]!) : undefined;
      if (s && req.method === "GET" && extra![2] === "/.well-known/jwks.json")
        return send(res, 200, { keys: [{ ...s.key.publicJwk, kid: s.key.kid, use: "sig", alg: "ES256" }] });
      if (s && req.method === "POST" && extra![2] === "/transfers/inbox") return await this.inbox(req, res, s);
      if (req.method === "POST" && path === "/transfers/acknowledgements") return await this.acknowledgement(req, res);
      send(res, 404, { type: "about:blank", title: "Not found", status: 404 }, "application/problem+json");
    } catch (err) {
      send(
        res,
        500,
        {
          type: "about:blank",
          title: "Suite receiver error",
          status: 500,
          detail: err instanceof Error ? err.message : String(err),
        },
        "application/problem+json",
      );
    }
  }

  private async implementationJwks(): Promise<Jwks> {
    const res = await fetch(this.implementationJwksUrl, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json()) as unknown;
    return isObj(body) && Array.isArray(body.keys) ? { keys: body.keys as JWK[] } : { keys: [] };
  }

  private async inbox(
    req: IncomingMessage,
    res: ServerResponse,
    as: { setting: Record<string, unknown> & { urn: string }; key: SigningKey },
  ): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const contentType = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    let input: unknown = raw.trim();
    if (contentType === "application/json" || contentType === "application/jose+json") {
      try {
        input = JSON.parse(raw);
      } catch {
        input = raw;
      }
    }
    const payload = unverifiedPayload(input);
    const result = await checkBundle(input, await this.implementationJwks());
    const receivedAt = new Date().toISOString();
    const delivery: Delivery = {
      settingUrn: as.setting.urn,
      receivedAt,
      contentType,
      raw,
      payload,
      verified: result.ok,
      reasons: result.ok ? [] : result.reasons,
      status: 0,
    };
    const bundleId = isObj(payload) && typeof payload.id === "string" ? payload.id : undefined;
    const receiver = { system: SUITE_SYSTEM, setting: as.setting as Record<string, unknown> };
    let body: Record<string, unknown>;
    if (result.ok) {
      const bundle = result.bundle as NonNullable<Delivery["bundle"]>;
      delivery.bundle = bundle;
      delivery.digest = result.digest;
      const ids = bundle.documents.map((d) => String((d as { id?: unknown }).id));
      delivery.receipt = await signedReceipt(
        {
          bundleId: bundle.id,
          bundleDigest: result.digest,
          decision: "accepted",
          reasons: [],
          receiver,
          acceptedDocumentIds: [...new Set(ids)],
        },
        as.key,
      );
      delivery.status = 200;
      body = { bundleId: bundle.id, decision: "accepted", receipt: delivery.receipt };
    } else {
      delivery.status = 422;
      body = {
        type: "about:blank",
        title: "Bundle rejected by the conformance suite",
        status: 422,
        errors: result.reasons.map((r) => ({
          pointer: r.pointer ?? "",
          ruleId: r.ruleId ?? r.code,
          message: r.message,
        })),
      };
      if (bundleId && /^[0-9a-f-]{36}$/i.test(bundleId)) {
        try {
          delivery.receipt = await signedReceipt(
            {
              bundleId,
              bundleDigest: sha256Hex(canonical(payload)),
              decision: "rejected",
              reasons: result.reasons,
              receiver,
            },
            as.key,
          );
          body.receipt = delivery.receipt;
        } catch {
          // A payload too odd for a valid receipt still gets its reasons.
        }
      }
    }
    this.deliveries.push(delivery);
    send(res, delivery.status, body, delivery.status === 200 ? "application/json" : "application/problem+json");
    for (const w of [...this.waiters]) if (w.match(delivery)) w.resolve(delivery);
  }
}

function send(res: ServerResponse, status: number, body: unknown, type = "application/json"): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** Ids of the documents a delivered payload carries (even an unverified one). */
export function deliveredDocumentIds(d: Delivery): string[] {
  const docs = isObj(d.payload) && Array.isArray(d.payload.documents) ? d.payload.documents : [];
  return docs.filter(isObj).map((x) => String(x.id));
}
