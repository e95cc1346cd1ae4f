// The attack run's oracle: checks every response as it arrives (no 5xx, no dropped connection, the exact status a
// legitimate request must get, problem+json errors, no other tenant's secret) and keeps ALL violations, grouped by
// kind and class with the first example of each, plus counts of attempts and statuses per class.
import type { Caller, Secrets, TenantName } from "./world.ts";
import type { WireRequest, WireResponse } from "./client.ts";

/** What a request expects. `status`: the exact statuses allowed; `check`: a further rule (returns a violation). */
export interface Expectation {
  status?: readonly number[];
  /** Any status in [lo, hi] (e.g. [400, 499] for "refused as a client error"). */
  range?: readonly [number, number];
  check?: (res: WireResponse) => string | undefined;
  /** The violation kind a status outside the expectation is filed under (default "unexpected-status"). */
  kind?: string;
}

export interface AttackRequest extends WireRequest {
  /** Class of input, e.g. "legit", "nul-path", "foreign-id-path". */
  cls: string;
  /** Route template, e.g. "GET /isps/{id}", for grouping. */
  op: string;
  caller: Caller;
  expect: Expectation;
  /** The other tenant's record id the path names. If the caller's tenant created a record under the same id (a
   *  server with ids per tenant allows that), answering with its own record is right: only no-leak applies. */
  foreignId?: string;
}

export interface Violation {
  kind: string;
  cls: string;
  op: string;
  count: number;
  example: string;
}

const UUID_OR_WORD = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9]+/gi;

function tokens(text: string): string[] {
  return text.match(UUID_OR_WORD) ?? [];
}

function requestText(req: WireRequest): string {
  let path = req.path;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    // keep the encoded form
  }
  const body =
    req.body === undefined ? "" : typeof req.body === "string" ? req.body : Buffer.from(req.body).toString("latin1");
  return `${path} ${req.path} ${Object.values(req.headers).join(" ")} ${body}`;
}

export class Recorder {
  readonly attempts = new Map<string, number>();
  readonly statuses = new Map<string, Map<number, number>>();
  /** Wall time per class (sum and slowest, ms): where the run spends its time, not an assertion. */
  readonly timing = new Map<string, { sum: number; max: number }>();
  private readonly violations = new Map<string, Violation>();
  /** Secrets each tenant (or anonymous) has itself sent: seeing them again teaches it nothing. */
  private readonly known = new Map<string, Set<string>>();
  total = 0;
  fiveHundreds = 0;
  dropped = 0;
  legitimate = 0;
  legitFailed = 0;
  leaks = 0;

  constructor(
    private readonly secrets: Secrets,
    private readonly ownsId: (caller: Caller, id: string) => boolean = () => false,
  ) {}

  private knownSet(caller: Caller): Set<string> {
    const k = caller.tenant ?? caller.key;
    let s = this.known.get(k);
    if (!s) {
      s = new Set();
      this.known.set(k, s);
    }
    return s;
  }

  /** Call before sending: what the caller puts in a request is known to its tenant from then on. */
  noteSent(req: AttackRequest): void {
    if (req.caller.tenancy === "all") return;
    const known = this.knownSet(req.caller);
    for (const t of tokens(requestText(req))) {
      const lower = t.toLowerCase();
      if (this.secrets.owners.has(lower)) known.add(lower);
    }
  }

  violation(kind: string, cls: string, op: string, example: string): void {
    const key = `${kind}|${cls}|${op}`;
    const v = this.violations.get(key);
    if (v) v.count++;
    else this.violations.set(key, { kind, cls, op, count: 1, example: example.slice(0, 700) });
  }

  /** Records one response and files every rule it breaks. */
  record(req: AttackRequest, res: WireResponse, ms = 0): void {
    this.total++;
    const tm = this.timing.get(req.cls) ?? { sum: 0, max: 0 };
    tm.sum += ms;
    tm.max = Math.max(tm.max, ms);
    this.timing.set(req.cls, tm);
    this.attempts.set(req.cls, (this.attempts.get(req.cls) ?? 0) + 1);
    const byStatus = this.statuses.get(req.cls) ?? new Map<number, number>();
    byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
    this.statuses.set(req.cls, byStatus);
    const legit = req.cls.startsWith("legit");
    if (legit) this.legitimate++;
    const example = describe(req, res);
    let legitOk = true;

    if (res.dropped) {
      this.dropped++;
      legitOk = false;
      this.violation("dropped-connection", req.cls, req.op, example);
    } else {
      if (res.status >= 500) {
        this.fiveHundreds++;
        legitOk = false;
        this.violation("5xx", req.cls, req.op, example);
      }
      const e = req.foreignId && this.ownsId(req.caller, req.foreignId) ? { range: [200, 499] as const } : req.expect;
      const statusOk =
        (!("status" in e) || !e.status || e.status.includes(res.status)) &&
        (!e.range || (res.status >= e.range[0] && res.status <= e.range[1]));
      if (!statusOk && res.status < 500) {
        legitOk = false;
        this.violation(
          legit ? "legit-failed" : "kind" in e && e.kind ? e.kind : "unexpected-status",
          req.cls,
          req.op,
          `${example} (expected ${"status" in e && e.status ? e.status.join("/") : `${e.range![0]}-${e.range![1]}`})`,
        );
      }
      if (statusOk && "check" in e && e.check) {
        const problem = e.check(res);
        if (problem) {
          legitOk = false;
          this.violation(
            legit ? "legit-failed" : (e.kind ?? "check-failed"),
            req.cls,
            req.op,
            `${example}: ${problem}`,
          );
        }
      }
      if (
        res.status >= 400 &&
        res.text.length > 0 &&
        !/^application\/problem\+json/.test(res.headers["content-type"] ?? "")
      ) {
        this.violation("error-not-problem-json", req.cls, req.op, example);
      }
      this.checkLeaks(req, res, example);
    }
    if (legit && !legitOk) this.legitFailed++;
  }

  private checkLeaks(req: AttackRequest, res: WireResponse, example: string): void {
    const c = req.caller;
    if (c.tenancy === "all") return;
    const known = this.knownSet(c);
    const text = `${res.text} ${res.headers.location ?? ""} ${res.headers.link ?? ""} ${res.headers["content-location"] ?? ""}`;
    const seen = new Set<string>();
    for (const t of tokens(text)) {
      const lower = t.toLowerCase();
      const owner = this.secrets.owners.get(lower);
      if (!owner || known.has(lower) || seen.has(lower)) continue;
      seen.add(lower);
      const allowed =
        c.tenancy === "own-children"
          ? owner.childId !== undefined && c.childIds.includes(owner.childId)
          : c.tenant !== undefined && owner.tenant === c.tenant;
      if (!allowed) {
        this.leaks++;
        this.violation(
          "foreign-record-readable",
          req.cls,
          req.op,
          `${example}; shows ${owner.tenant}${owner.childId ? ` child ${owner.childId}` : ""}'s ${t}`,
        );
      }
    }
  }

  list(): Violation[] {
    return [...this.violations.values()].sort((a, b) => a.kind.localeCompare(b.kind) || b.count - a.count);
  }
}

function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

export function describe(req: AttackRequest, res: WireResponse): string {
  const hdrs = Object.entries(req.headers)
    .filter(([k]) => k.toLowerCase() !== "authorization")
    .map(([k, v]) => `${k}: ${printable(v.slice(0, 80))}`)
    .join("; ");
  const body =
    req.body === undefined
      ? ""
      : typeof req.body === "string"
        ? printable(req.body.slice(0, 120))
        : `<${req.body.byteLength} bytes: ${printable(Buffer.from(req.body.subarray(0, 60)).toString("latin1"))}>`;
  const answer = res.dropped ? `dropped (${res.dropped})` : `${res.status} ${printable(res.text.slice(0, 200))}`;
  return `${req.caller.key} ${req.method} ${printable(req.path.slice(0, 160))}${hdrs ? ` [${hdrs}]` : ""}${body ? ` body ${body}` : ""}${req.raw ? " (raw socket)" : ""} → ${answer}`;
}

export type { TenantName };
