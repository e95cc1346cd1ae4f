// The storage behaviour every driver must show, written once and run against PGlite and a real PostgreSQL
// (store.pglite.test.ts, store.postgres.test.ts). Each group gets its own fresh database.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "./db.ts";
import { migrate, loadMigrations } from "./migrate.ts";
import { matchesFilters } from "../../../sdk/src/documents/search-filters.ts";
import {
  AlreadyExistsError,
  ConflictError,
  InvalidCursorError,
  NotFoundError,
  type Actor,
  type AuditRecord,
  type ResourceKind,
  type SearchFacts,
  type SearchQuery,
  type Store,
  type StoredVersion,
  type TenantScope,
} from "./store.ts";

export interface StoreUnderTest {
  store: Store;
  db: Db; // the same database, for raw SQL the Store interface (rightly) does not offer
}

export interface DurableLocation {
  /** Opens a Store over the same data every time it is called. */
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

export interface StorageCaseOptions {
  name: string;
  /** A fresh, empty, migrated database. */
  newStore(): Promise<StoreUnderTest>;
  /** A fresh durable database that can be closed and opened again. */
  newDurable(): Promise<DurableLocation>;
}

const actor: Actor = { subject: "staff-1", role: "setting-staff", system: "mis-a", tenant: { settingUrn: "100001" } };
const prov = (correlationId: string = randomUUID()) => ({ actor, correlationId, reason: "test" });
const ETAG = /^"v\d+-[0-9a-f]{16}"$/;

export function runStorageCases(opts: StorageCaseOptions): void {
  describe(`storage: ${opts.name}`, () => {
    versionCases(opts);
    searchCases(opts);
    auditCases(opts);
    auditedReadCases(opts);
    auditedWriteCases(opts);
    transactionCases(opts);
    persistenceCases(opts);
  });
}

function withStore(opts: StorageCaseOptions): () => StoreUnderTest {
  let sut: StoreUnderTest | undefined;
  beforeAll(async () => {
    sut = await opts.newStore();
  });
  afterAll(async () => {
    await sut?.store.close();
  });
  return () => {
    if (!sut) throw new Error("store not opened");
    return sut;
  };
}

function versionCases(opts: StorageCaseOptions): void {
  describe("versions", () => {
    const sut = withStore(opts);

    it("creates version 1 with a strong ETag, tenant, status and provenance", async () => {
      const { store } = sut();
      const id = randomUUID();
      const body = { documentType: "isp", id, outcomes: [{ text: "reads a short sentence" }] };
      const created = await store.create(
        "isp",
        id,
        body,
        { status: "active" },
        { settingUrn: "100001", laCode: "202" },
        prov("c-1"),
      );
      expect(created).toMatchObject({
        kind: "isp",
        id,
        version: 1,
        body,
        status: "active",
        tenant: { settingUrn: "100001", laCode: "202" },
      });
      expect(created.etag).toMatch(ETAG);
      expect(created.provenance).toMatchObject({ actor, correlationId: "c-1", reason: "test" });
      expect(new Date(created.provenance.at).toISOString()).toBe(created.provenance.at);
      expect(await store.get("isp", id)).toEqual(created);
      expect(await store.get("isp", id, 1)).toEqual(created);
      expect(await store.get("ehcp", id)).toBeUndefined();
      expect(await store.get("isp", id, 2)).toBeUndefined();
    });

    it("refuses a second create of the same (kind, id) with AlreadyExistsError, a ConflictError", async () => {
      const { store } = sut();
      const id = randomUUID();
      const first = await store.create("isp", id, { n: 1 }, {}, {}, prov());
      const err = await store.create("isp", id, { n: 2 }, {}, {}, prov()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AlreadyExistsError);
      expect(err).toBeInstanceOf(ConflictError);
      expect(err).toMatchObject({ currentVersion: 1, currentEtag: first.etag });
      expect((await store.get("isp", id))?.body).toEqual({ n: 1 });
    });

    it("update with the current version writes version 2 with a new ETag and keeps version 1", async () => {
      const { store } = sut();
      const id = randomUUID();
      const v1 = await store.create("isp", id, { n: 1 }, { status: "draft" }, {}, prov());
      const v2 = await store.update("isp", id, 1, { n: 2 }, { status: "active" }, {}, prov());
      expect(v2).toMatchObject({ version: 2, body: { n: 2 }, status: "active" });
      expect(v2.etag).toMatch(ETAG);
      expect(v2.etag).not.toBe(v1.etag);
      expect(await store.get("isp", id)).toEqual(v2);
      expect(await store.get("isp", id, 1)).toEqual(v1);
    });

    it.each([
      { name: "stale", expected: 1 },
      { name: "ahead of the current version", expected: 5 },
      { name: "zero", expected: 0 },
    ])(
      "update with a $name expectedVersion throws ConflictError carrying the current version",
      async ({ expected }) => {
        const { store } = sut();
        const id = randomUUID();
        await store.create("isp", id, { n: 1 }, {}, {}, prov());
        const v2 = await store.update("isp", id, 1, { n: 2 }, {}, {}, prov());
        const err = await store.update("isp", id, expected, { n: 3 }, {}, {}, prov()).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ConflictError);
        expect(err).toMatchObject({ currentVersion: 2, currentEtag: v2.etag });
        expect((await store.listVersions("isp", id)).map((v) => v.version)).toEqual([1, 2]);
      },
    );

    it("update of a resource that was never created throws NotFoundError", async () => {
      const { store } = sut();
      await expect(store.update("isp", randomUUID(), 1, {}, {}, {}, prov())).rejects.toBeInstanceOf(NotFoundError);
    });

    it("50 concurrent updates of the same version: exactly one wins each round and history has no gaps", async () => {
      const { store } = sut();
      const id = randomUUID();
      await store.create("isp", id, { round: 0 }, {}, {}, prov());
      const rounds = 5;
      for (let round = 1; round <= rounds; round++) {
        const results = await Promise.allSettled(
          Array.from({ length: 50 }, (_, writer) => store.update("isp", id, round, { round, writer }, {}, {}, prov())),
        );
        const won = results.filter((r) => r.status === "fulfilled");
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(49);
        for (const r of lost) {
          expect(r.reason).toBeInstanceOf(ConflictError);
          expect((r.reason as ConflictError).currentVersion).toBe(round + 1);
        }
      }
      const versions = await store.listVersions("isp", id);
      expect(versions.map((v) => v.version)).toEqual(Array.from({ length: rounds + 1 }, (_, i) => i + 1));
      expect(versions.map((v) => (v.body as { round: number }).round)).toEqual(versions.map((v) => v.version - 1));
      expect(await headsDisagreeingWithVersions(sut().db)).toEqual([]);
    });

    it("listVersions returns every version in order, each unchanged since it was written", async () => {
      const { store } = sut();
      const id = randomUUID();
      const written: StoredVersion[] = [await store.create("ehcp", id, { step: 1 }, {}, { laCode: "202" }, prov())];
      for (let step = 2; step <= 4; step++) {
        written.push(await store.update("ehcp", id, step - 1, { step }, {}, { laCode: "202" }, prov()));
      }
      const listed = await store.listVersions("ehcp", id);
      expect(listed).toEqual(written);
      expect(new Set(listed.map((v) => v.etag)).size).toBe(listed.length);
      expect(await store.listVersions("ehcp", randomUUID())).toEqual([]);
    });

    it("stored versions cannot be changed or deleted with raw SQL", async () => {
      const { store, db } = sut();
      const id = randomUUID();
      const v1 = await store.create("isp", id, { n: 1 }, {}, {}, prov());
      await expect(db.query("UPDATE resource_versions SET body = '{}'::json WHERE id = $1", [id])).rejects.toThrow(
        /append-only/,
      );
      await expect(db.query("DELETE FROM resource_versions WHERE id = $1", [id])).rejects.toThrow(/append-only/);
      expect(await store.get("isp", id)).toEqual(v1);
    });

    it("resource_heads is derived data: migration 006's INSERT rebuilds exactly the heads the writes kept", async () => {
      const { store, db } = sut();
      const id = randomUUID();
      await store.create(
        "isp",
        id,
        { n: 1 },
        { status: "draft", identifiers: ["upn:A1"] },
        { settingUrn: "100001" },
        prov(),
      );
      await store.update(
        "isp",
        id,
        1,
        { n: 2 },
        { status: "active", identifiers: ["upn:A1", "uln:1"] },
        { settingUrn: "100002" },
        prov(),
      );
      const heads =
        "SELECT kind, id, version, tenant_setting_urn, tenant_la_code, child_id, identifiers, " +
        "setting_urn, la_code, status, layer, review_due::text AS review_due FROM resource_heads " +
        "ORDER BY kind, id";
      const kept = (await db.query(heads)).rows;
      expect(kept.find((h) => h.id === id)).toMatchObject({
        version: 2,
        status: "active",
        identifiers: ["upn:A1", "uln:1"],
        tenant_setting_urn: "100002",
      });
      const migration = loadMigrations().find((m) => m.name === "006-resource-heads.sql")!;
      const rebuild = /INSERT INTO resource_heads[\s\S]*?;/.exec(migration.sql)![0];
      await db.transaction(async (tx) => {
        await tx.exec("DELETE FROM resource_heads");
        await tx.exec(rebuild);
      });
      expect((await db.query(heads)).rows).toEqual(kept);
      expect(await headsDisagreeingWithVersions(db)).toEqual([]);
    });

    it("migrations are recorded once and re-running them changes nothing", async () => {
      const { store, db } = sut();
      expect(await migrate(db)).toEqual([]);
      const { rows } = await db.query<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name");
      expect(rows.map((r) => r.name)).toEqual(loadMigrations().map((m) => m.name));
      expect(await store.isReady()).toBe(true);
    });

    it("a migration added after the others is applied by the next migrate, once (up-to-date is a one-read check)", async () => {
      const { db } = sut();
      const added = { name: "999-added-later.sql", sql: "CREATE TABLE added_later (x int)" };
      expect(await migrate(db, [...loadMigrations(), added])).toEqual([added.name]);
      expect(await migrate(db, [...loadMigrations(), added])).toEqual([]);
      expect(await migrate(db)).toEqual([]);
      const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM added_later");
      expect(rows).toEqual([{ n: 0 }]);
      await db.exec("DROP TABLE added_later; DELETE FROM schema_migrations WHERE name = '999-added-later.sql'"); // shared store
    });
  });
}

/** Resources whose head (resource_heads) is missing or names another version than their newest; [] when they agree. */
async function headsDisagreeingWithVersions(db: Db): Promise<unknown[]> {
  const { rows } = await db.query(`
    SELECT v.kind, v.id, max(v.version) AS newest, h.version AS head
    FROM resource_versions v LEFT JOIN resource_heads h ON h.kind = v.kind AND h.id = v.id
    GROUP BY v.kind, v.id, h.version
    HAVING h.version IS DISTINCT FROM max(v.version)`);
  return rows;
}

// ---- search -------------------------------------------------------------------------------------------------

interface Seeded {
  kind: ResourceKind;
  id: string;
  facts: SearchFacts; // facts of the newest version: what search must match
  tenant: TenantScope;
}

const SETTINGS = ["100001", "100002", "100003"];
const LAS = ["202", "873"];
const STATUSES = ["draft", "active", "under-review"];
const LAYERS = ["universal", "targeted", "targeted-plus", "specialist"];

/** A deterministic data set where every filter value occurs, combined in many ways, and some resources changed. */
function seedPlan(): { resource: Seeded; first: SearchFacts }[] {
  const plan: { resource: Seeded; first: SearchFacts }[] = [];
  for (let i = 0; i < 70; i++) {
    const kind: ResourceKind = i < 60 ? "isp" : "ehcp";
    const child = `child-${i % 23}`;
    const facts: SearchFacts = {
      childId: child,
      identifiers: [`upn:U${i % 23}`, ...(i % 3 === 0 ? [`uln:L${i % 7}`] : [])],
      settingUrn: SETTINGS[i % 3],
      laCode: LAS[i % 2],
      status: STATUSES[i % 3 === 1 ? 1 : i % 5 === 0 ? 2 : 0],
      ...(i % 6 !== 0 ? { layer: LAYERS[i % 4] } : {}),
      ...(i % 5 !== 0 ? { reviewDue: `2027-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, "0")}` } : {}),
    };
    // A few children moved: the holding setting (tenant) differs from the setting fact.
    const tenant: TenantScope = {
      settingUrn: i % 9 === 0 ? SETTINGS[(i + 1) % 3] : facts.settingUrn,
      laCode: facts.laCode,
    };
    // Every fourth resource is later updated; its first version carries facts search must no longer match.
    const first: SearchFacts =
      i % 4 === 0
        ? { ...facts, status: "closed", layer: "universal", identifiers: [`upn:OLD${i}`], reviewDue: "2020-01-01" }
        : facts;
    plan.push({ resource: { kind, id: `${kind}-${String(i).padStart(3, "0")}`, facts, tenant }, first });
  }
  return plan;
}

function matches(r: Seeded, q: Omit<SearchQuery, "limit" | "cursor">): boolean {
  const f = r.facts;
  const v = q.visibleTo;
  const visible =
    !v ||
    v.all === true ||
    (v.settingUrns ?? []).includes(r.tenant.settingUrn ?? "\0") ||
    (v.laCodes ?? []).includes(r.tenant.laCode ?? "\0") ||
    (v.childIds ?? []).includes(f.childId ?? "\0");
  return r.kind === q.kind && matchesFilters(f, q) && visible;
}

type QueryCase = { name: string; q: Omit<SearchQuery, "limit" | "cursor">; allowEmpty?: boolean };

const QUERY_CASES: QueryCase[] = [
  { name: "kind only", q: { kind: "isp" } },
  { name: "other kind", q: { kind: "ehcp" } },
  { name: "identifier (upn)", q: { kind: "isp", upn: "U4" } },
  { name: "identifier (uln)", q: { kind: "isp", uln: "L3" } },
  { name: "identifier only on an old version", q: { kind: "isp", upn: "OLD4" }, allowEmpty: true },
  { name: "setting", q: { kind: "isp", settingUrn: "100002" } },
  { name: "local authority", q: { kind: "isp", laCode: "873" } },
  { name: "status", q: { kind: "isp", status: "under-review" } },
  { name: "status only on old versions", q: { kind: "isp", status: "closed" }, allowEmpty: true },
  { name: "layer", q: { kind: "isp", layer: "targeted-plus" } },
  { name: "review due before", q: { kind: "isp", reviewDueBefore: "2027-04-01" } },
  {
    name: "review due before (exclusive: isp-001 is due on the bound)",
    q: { kind: "isp", reviewDueBefore: "2027-02-02" },
  },
  { name: "child", q: { kind: "isp", childId: "child-7" } },
  { name: "setting + status", q: { kind: "isp", settingUrn: "100001", status: "draft" } },
  { name: "status + layer", q: { kind: "isp", status: "active", layer: "targeted" } },
  {
    name: "setting + review due + status",
    q: { kind: "isp", settingUrn: "100003", reviewDueBefore: "2027-06-01", status: "draft" },
  },
  { name: "identifier + setting", q: { kind: "isp", upn: "U1", settingUrn: "100002" } },
  { name: "contradictory filters", q: { kind: "isp", status: "active", layer: "nonexistent" }, allowEmpty: true },
  { name: "visible to one setting", q: { kind: "isp", visibleTo: { settingUrns: ["100001"] } } },
  { name: "visible to one LA", q: { kind: "isp", visibleTo: { laCodes: ["202"] } } },
  { name: "visible to some children", q: { kind: "isp", visibleTo: { childIds: ["child-1", "child-2"] } } },
  {
    name: "visible to a setting or a child",
    q: { kind: "isp", visibleTo: { settingUrns: ["100003"], childIds: ["child-1"] } },
  },
  { name: "visible to all", q: { kind: "isp", visibleTo: { all: true } } },
  { name: "visible to nothing", q: { kind: "isp", visibleTo: {} }, allowEmpty: true },
  // Children who moved: the setting fact says 100001 but 100002 holds the record now.
  {
    name: "filter + restriction: setting fact differs from the holding setting",
    q: { kind: "isp", settingUrn: "100001", visibleTo: { settingUrns: ["100002"] } },
  },
  {
    name: "filter + restriction: status within an LA",
    q: { kind: "isp", status: "active", visibleTo: { laCodes: ["873"] } },
  },
];

async function searchAll(
  store: Store,
  q: Omit<SearchQuery, "limit" | "cursor">,
  limit: number,
): Promise<StoredVersion[][]> {
  const pages: StoredVersion[][] = [];
  let cursor: string | undefined;
  do {
    const page = await store.search({ ...q, limit, ...(cursor ? { cursor } : {}) });
    pages.push(page.items);
    cursor = page.nextCursor;
    if (pages.length > 200) throw new Error("pagination does not terminate");
  } while (cursor);
  return pages;
}

function searchCases(opts: StorageCaseOptions): void {
  describe("search", () => {
    const sut = withStore(opts);
    const plan = seedPlan();
    const seeded = plan.map((p) => p.resource);

    beforeAll(async () => {
      const { store } = sut();
      for (const { resource: r, first } of plan) {
        await store.create(r.kind, r.id, { id: r.id, n: 1 }, first, r.tenant, prov());
        if (first !== r.facts) await store.update(r.kind, r.id, 1, { id: r.id, n: 2 }, r.facts, r.tenant, prov());
      }
    });

    it("every seeded resource has one head, naming its newest version", async () => {
      expect(await headsDisagreeingWithVersions(sut().db)).toEqual([]);
    });

    it.each(QUERY_CASES)("$name: returns exactly the matching current resources", async ({ q, allowEmpty }) => {
      const { store } = sut();
      const expected = seeded
        .filter((r) => matches(r, q))
        .map((r) => r.id)
        .sort();
      if (!allowEmpty) expect(expected.length).toBeGreaterThan(0); // the case must exercise something
      const got = (await searchAll(store, q, 7)).flat();
      expect(got.map((v) => v.id)).toEqual(expected); // same set, byte order, no duplicates
      for (const v of got) {
        const latest = await store.get(v.kind, v.id);
        expect(v).toEqual(latest);
      }
    });

    it("visibleTo never returns a row held by another tenant", async () => {
      const { store } = sut();
      for (const settingUrn of SETTINGS) {
        const got = (await searchAll(store, { kind: "isp", visibleTo: { settingUrns: [settingUrn] } }, 100)).flat();
        expect(got.length).toBeGreaterThan(0);
        for (const v of got) expect(v.tenant.settingUrn).toBe(settingUrn);
      }
      for (const laCode of LAS) {
        const got = (
          await searchAll(
            store,
            { kind: "isp", laCode: LAS[0] === laCode ? LAS[1] : LAS[0], visibleTo: { laCodes: [laCode] } },
            100,
          )
        ).flat();
        expect(got).toEqual([]);
      }
    });

    it.each([1, 3, 10, 59, 60, 100])(
      "pagination with page size %i visits every resource exactly once",
      async (size) => {
        const { store } = sut();
        const pages = await searchAll(store, { kind: "isp" }, size);
        const ids = pages.flat().map((v) => v.id);
        expect(ids).toEqual(
          seeded
            .filter((r) => r.kind === "isp")
            .map((r) => r.id)
            .sort(),
        );
        for (const page of pages.slice(0, -1)) expect(page).toHaveLength(size);
        expect(pages.at(-1)?.length).toBeGreaterThan(0);
      },
    );

    it.each([
      { limit: 0, expected: 1 },
      { limit: -5, expected: 1 },
      { limit: 2.7, expected: 2 },
      { limit: 1000, expected: 60 }, // clamped to 100; only 60 exist
    ])("limit $limit is clamped into 1..100", async ({ limit, expected }) => {
      const { store } = sut();
      expect((await store.search({ kind: "isp", limit })).items).toHaveLength(expected);
    });

    it.each(["not-a-cursor", Buffer.from('{"k":5}').toString("base64url"), ""])(
      "cursor %j the store did not issue is rejected",
      async (cursor) => {
        const { store } = sut();
        await expect(store.search({ kind: "isp", limit: 5, cursor })).rejects.toBeInstanceOf(InvalidCursorError);
      },
    );
  });
}

// ---- audit --------------------------------------------------------------------------------------------------

function auditCases(opts: StorageCaseOptions): void {
  describe("audit", () => {
    const sut = withStore(opts);
    const childA = randomUUID();
    const childB = randomUUID();
    const parent: Actor = { subject: "parent-9", role: "parent", tenant: {} };
    const records: AuditRecord[] = [
      {
        actor,
        action: "create",
        kind: "isp",
        resourceId: "isp-1",
        version: 1,
        childId: childA,
        correlationId: "a1",
        outcome: "allowed",
      },
      {
        actor: parent,
        action: "read",
        kind: "isp",
        resourceId: "isp-1",
        version: 1,
        childId: childA,
        correlationId: "a2",
        outcome: "allowed",
      },
      {
        actor: parent,
        action: "read",
        kind: "ehcp",
        resourceId: "ehcp-1",
        childId: childB,
        correlationId: "a3",
        outcome: "denied",
      },
      { actor, action: "search", kind: "isp", correlationId: "a4", outcome: "allowed" },
      {
        actor,
        action: "update",
        kind: "isp",
        resourceId: "isp-1",
        version: 2,
        childId: childA,
        correlationId: "a5",
        outcome: "allowed",
      },
    ];
    const stored: AuditRecord[] = [];

    beforeAll(async () => {
      for (const r of records) stored.push(await sut().store.appendAudit(r));
    });

    it("assigns strictly increasing seq numbers and an ISO instant, and keeps every field", () => {
      stored.forEach((s, i) => {
        expect(s).toMatchObject(records[i] as AuditRecord);
        expect(new Date(s.at ?? "").toISOString()).toBe(s.at);
        if (i > 0) expect(s.seq).toBeGreaterThan(stored[i - 1]?.seq ?? Infinity);
      });
    });

    it.each([
      { name: "child", q: { childId: childA }, pick: (r: AuditRecord) => r.childId === childA },
      { name: "other child", q: { childId: childB }, pick: (r: AuditRecord) => r.childId === childB },
      { name: "actor", q: { actorSubject: "parent-9" }, pick: (r: AuditRecord) => r.actor.subject === "parent-9" },
      { name: "resource", q: { resourceId: "isp-1" }, pick: (r: AuditRecord) => r.resourceId === "isp-1" },
      {
        name: "child + actor",
        q: { childId: childA, actorSubject: "staff-1" },
        pick: (r: AuditRecord) => r.childId === childA && r.actor.subject === "staff-1",
      },
    ])("query by $name returns exactly those records in order", async ({ q, pick }) => {
      const page = await sut().store.queryAudit({ ...q, limit: 100 });
      expect(page.items).toEqual(stored.filter(pick));
      expect(page.nextCursor).toBeUndefined();
    });

    it("pages through the whole log once, and `since` excludes nothing written after it", async () => {
      const { store } = sut();
      const seen: AuditRecord[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.queryAudit({ limit: 2, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(stored);
      expect((await store.queryAudit({ since: stored[0]?.at ?? "", limit: 100 })).items).toEqual(stored);
      expect((await store.queryAudit({ since: "2999-01-01T00:00:00Z", limit: 100 })).items).toEqual([]);
    });

    it.each([
      "UPDATE audit_log SET outcome = 'denied'",
      "DELETE FROM audit_log",
      "DELETE FROM audit_log WHERE correlation_id = 'a1'",
      "TRUNCATE audit_log",
    ])("raw SQL %j is refused: the log is append-only", async (sql) => {
      const { store, db } = sut();
      await expect(db.query(sql)).rejects.toThrow(/append-only/);
      expect((await store.queryAudit({ limit: 100 })).items).toEqual(stored);
    });
  });
  // Its own database: the group above expects the log to hold exactly its records.
  describe("audit appends in one statement", () => {
    const own = withStore(opts);
    it("appendAudits keeps every field and the given order, for one record and for several (each its own statement form)", async () => {
      const { store } = own();
      const resourceId = randomUUID();
      const batch = (n: number, tag: string): AuditRecord[] =>
        Array.from({ length: n }, (_, i) => ({
          actor: i % 2 ? { subject: "parent-9", role: "parent", tenant: {} } : actor,
          action: "read",
          kind: "isp",
          resourceId,
          version: i + 1,
          childId: randomUUID(),
          correlationId: `${tag}-${i}`,
          outcome: i % 3 ? "allowed" : "denied",
        }));
      const one = batch(1, "one");
      const several = batch(5, "several");
      await store.appendAudits(one);
      await store.appendAudits(several);
      const page = await store.queryAudit({ resourceId, limit: 100 });
      expect(page.items.map(({ seq: _seq, at: _at, ...rest }) => rest)).toEqual([...one, ...several]);
    });
  });
}

// ---- audited reads ------------------------------------------------------------------------------------------

function auditedReadCases(opts: StorageCaseOptions): void {
  describe("audited reads (getAudited)", () => {
    const sut = withStore(opts);
    const readAudit = (resourceId: string, version: number, correlationId: string): AuditRecord => ({
      actor,
      action: "read",
      kind: "isp",
      resourceId,
      version,
      childId: "child-r",
      correlationId,
      outcome: "allowed",
    });
    const make = async (store: Store, versions: number): Promise<StoredVersion> => {
      const id = randomUUID();
      let v = await store.create("isp", id, { id, n: 1 }, {}, { settingUrn: "100001" }, prov());
      for (let n = 2; n <= versions; n++)
        v = await store.update("isp", id, v.version, { id, n }, {}, { settingUrn: "100001" }, prov());
      return v;
    };
    const auditedFor = async (store: Store, correlationId: string) =>
      (await store.queryAudit({ limit: 100, since: "2000-01-01T00:00:00Z" })).items.filter(
        (r) => r.correlationId === correlationId,
      );

    it("the expected current version: answered, and exactly one audit record naming that version", async () => {
      const { store } = sut();
      const v = await make(store, 2);
      const r = await store.getAudited("isp", v.id, 2, readAudit(v.id, 2, "ar-1"));
      expect(r.audited).toBe(true);
      expect(r.version).toMatchObject({ id: v.id, version: 2, etag: v.etag, body: { id: v.id, n: 2 } });
      expect(await auditedFor(store, "ar-1")).toMatchObject([
        { resourceId: v.id, version: 2, action: "read", outcome: "allowed" },
      ]);
    });

    it("a stale expected version: the current version in full, and nothing audited", async () => {
      const { store } = sut();
      const v = await make(store, 3);
      const r = await store.getAudited("isp", v.id, 2, readAudit(v.id, 2, "ar-2"));
      expect(r.audited).toBe(false);
      expect(r.version).toMatchObject({ id: v.id, version: 3, body: { id: v.id, n: 3 } });
      expect(await auditedFor(store, "ar-2")).toEqual([]);
    });

    it("a resource that does not exist: no version, nothing audited", async () => {
      const { store } = sut();
      const missing = randomUUID();
      expect(await store.getAudited("isp", missing, 1, readAudit(missing, 1, "ar-3"))).toEqual({ audited: false });
      expect(await auditedFor(store, "ar-3")).toEqual([]);
    });

    it("40 concurrent reads (current, stale and missing mixed): each answered for its own resource, audited exactly when current", async () => {
      const { store } = sut();
      const made = await Promise.all(Array.from({ length: 10 }, (_, i) => make(store, 1 + (i % 3))));
      const reads = Array.from({ length: 40 }, (_, i) => {
        const v = made[i % made.length]!;
        const kind = i % 4; // 0, 1: current; 2: stale (when there is an older version); 3: missing
        if (kind === 3) return { id: randomUUID(), expected: 1, current: undefined, audited: false };
        const expected = kind === 2 && v.version > 1 ? v.version - 1 : v.version;
        return { id: v.id, expected, current: v.version, audited: expected === v.version };
      });
      const answers = await Promise.all(
        reads.map((r, i) => store.getAudited("isp", r.id, r.expected, readAudit(r.id, r.expected, `ar-c-${i}`))),
      );
      answers.forEach((a, i) => {
        const want = reads[i]!;
        expect(a.audited).toBe(want.audited);
        expect(a.version?.id).toBe(want.current === undefined ? undefined : want.id);
        expect(a.version?.version).toBe(want.current);
      });
      const log = (await store.queryAudit({ limit: 100, since: "2000-01-01T00:00:00Z" })).items.filter((r) =>
        r.correlationId.startsWith("ar-c-"),
      );
      const expectedIds = reads.map((r, i) => (r.audited ? `ar-c-${i}` : undefined)).filter((x) => x !== undefined);
      expect(log.map((r) => r.correlationId).sort()).toEqual(expectedIds.sort());
      for (const rec of log) {
        const want = reads[Number(rec.correlationId.slice(5))]!;
        expect(rec).toMatchObject({ resourceId: want.id, version: want.expected });
      }
    });

    it("an item the database refuses (NUL in a text value) fails alone: the reads and audit appends batched with it succeed", async () => {
      const { store } = sut();
      const made = await Promise.all(Array.from({ length: 6 }, () => make(store, 1)));
      const nul = "bad\u0000id";
      const calls: Promise<unknown>[] = [];
      for (let i = 0; i < 30; i++) {
        const v = made[i % made.length]!;
        if (i % 10 === 3) {
          calls.push(store.getAudited("isp", nul, 1, readAudit(nul, 1, `ar-n-${i}`)));
          calls.push(store.get("isp", nul));
          calls.push(store.appendAudits([readAudit(nul, 1, `ar-n-${i}`)]));
        }
        calls.push(store.getAudited("isp", v.id, 1, readAudit(v.id, 1, `ar-n-${i}`)));
        calls.push(store.get("isp", v.id));
        calls.push(store.appendAudits([{ ...readAudit(v.id, 1, `ar-n-${i}`), action: "search" }]));
      }
      const results = await Promise.allSettled(calls);
      // 3 hostile calls in each of 3 rounds fail; the 90 legitimate ones all succeed.
      expect(results.filter((r) => r.status === "rejected")).toHaveLength(9);
      const log = (await store.queryAudit({ limit: 100, since: "2000-01-01T00:00:00Z" })).items.filter((r) =>
        r.correlationId.startsWith("ar-n-"),
      );
      expect(log.filter((r) => r.action === "read")).toHaveLength(30);
      expect(log.filter((r) => r.action === "search")).toHaveLength(30);
    });
  });
}

// ---- writes with their audit record -------------------------------------------------------------------------

function auditedWriteCases(opts: StorageCaseOptions): void {
  describe("writes with their audit record (create, update)", () => {
    const sut = withStore(opts);
    const writeAudit = (action: "create" | "update", resourceId: string, correlationId: string): AuditRecord => ({
      actor,
      action,
      kind: "isp",
      resourceId,
      childId: "child-w",
      correlationId,
      outcome: "allowed",
    });
    const auditedFor = async (store: Store, correlationId: string) =>
      (await store.queryAudit({ limit: 100, since: "2000-01-01T00:00:00Z" })).items.filter(
        (r) => r.correlationId === correlationId,
      );

    it("create writes version 1 and exactly one audit record naming version 1", async () => {
      const { store } = sut();
      const id = randomUUID();
      const v = await store.create(
        "isp",
        id,
        { id, n: 1 },
        {},
        { settingUrn: "100001" },
        prov("cw-1"),
        writeAudit("create", id, "cw-1"),
      );
      expect(v).toMatchObject({ id, version: 1 });
      expect(await auditedFor(store, "cw-1")).toMatchObject([
        { action: "create", resourceId: id, version: 1, childId: "child-w", outcome: "allowed" },
      ]);
    });

    it("a create that loses to an existing (kind, id) writes no audit record", async () => {
      const { store } = sut();
      const id = randomUUID();
      await store.create("isp", id, { id, n: 1 }, {}, {}, prov());
      const err = await store
        .create("isp", id, { id, n: 2 }, {}, {}, prov("cw-2"), writeAudit("create", id, "cw-2"))
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AlreadyExistsError);
      expect(await auditedFor(store, "cw-2")).toEqual([]);
      expect((await store.get("isp", id))?.body).toEqual({ id, n: 1 });
    });

    it("20 concurrent creates of one id with their audit records: one version, one audit record", async () => {
      const { store } = sut();
      const id = randomUUID();
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          store.create("isp", id, { id, n: i }, {}, {}, prov(`cw-3-${i}`), writeAudit("create", id, `cw-3-${i}`)),
        ),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const log = (await store.queryAudit({ resourceId: id, limit: 100 })).items;
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ action: "create", version: 1 });
    });

    it("update writes version N+1 with its audit record, and a lost race writes none", async () => {
      const { store } = sut();
      const id = randomUUID();
      const v1 = await store.create("isp", id, { id, n: 1 }, {}, {}, prov());
      await store.update("isp", id, v1.version, { id, n: 2 }, {}, {}, prov("uw-1"), writeAudit("update", id, "uw-1"));
      expect(await auditedFor(store, "uw-1")).toMatchObject([{ action: "update", resourceId: id, version: 2 }]);
      await expect(
        store.update("isp", id, v1.version, { id, n: 3 }, {}, {}, prov("uw-2"), writeAudit("update", id, "uw-2")),
      ).rejects.toBeInstanceOf(ConflictError);
      expect(await auditedFor(store, "uw-2")).toEqual([]);
    });
  });
}

// ---- transactions -------------------------------------------------------------------------------------------

function transactionCases(opts: StorageCaseOptions): void {
  describe("transactions", () => {
    const sut = withStore(opts);
    const audit = (correlationId: string): AuditRecord => ({
      actor,
      action: "import",
      kind: "transfer",
      correlationId,
      outcome: "allowed",
    });

    it("commits everything written inside it", async () => {
      const { store } = sut();
      const [a, b] = [randomUUID(), randomUUID()];
      const result = await store.transaction(async (tx) => {
        await tx.create("isp", a, { a }, {}, {}, prov());
        await tx.update("isp", a, 1, { a, n: 2 }, {}, {}, prov());
        await tx.create("development-profile", b, { b }, {}, {}, prov());
        await tx.appendAudit(audit(`commit-${a}`));
        return "done";
      });
      expect(result).toBe("done");
      expect((await store.get("isp", a))?.version).toBe(2);
      expect(await store.get("development-profile", b)).toBeDefined();
      expect((await store.queryAudit({ limit: 100 })).items.map((r) => r.correlationId)).toContain(`commit-${a}`);
    });

    it.each([
      { name: "the callback throws", nested: false },
      { name: "a nested transaction throws", nested: true },
    ])("rolls back everything when $name", async ({ nested }) => {
      const { store } = sut();
      const existing = randomUUID();
      await store.create("isp", existing, { n: 1 }, {}, {}, prov());
      const [a, b] = [randomUUID(), randomUUID()];
      const before = (await store.queryAudit({ limit: 100 })).items;
      const failure = new Error("import failed half way");
      await expect(
        store.transaction(async (tx) => {
          await tx.create("isp", a, { a }, {}, {}, prov());
          await tx.update("isp", existing, 1, { n: 2 }, {}, {}, prov());
          await tx.appendAudit(audit(`rollback-${a}`));
          const rest = async (inner: Store): Promise<void> => {
            await inner.create("ehcp", b, { b }, {}, {}, prov());
            throw failure;
          };
          await (nested ? tx.transaction(rest) : rest(tx));
        }),
      ).rejects.toBe(failure);
      expect(await store.get("isp", a)).toBeUndefined();
      expect(await store.get("ehcp", b)).toBeUndefined();
      expect((await store.listVersions("isp", existing)).map((v) => v.version)).toEqual([1]);
      expect((await store.queryAudit({ limit: 100 })).items).toEqual(before);
    });

    it("a conflict inside a transaction leaves the transaction usable and commits the rest", async () => {
      const { store } = sut();
      const id = randomUUID();
      await store.create("isp", id, { n: 1 }, {}, {}, prov());
      const other = randomUUID();
      await store.transaction(async (tx) => {
        await expect(tx.update("isp", id, 7, { n: 8 }, {}, {}, prov())).rejects.toBeInstanceOf(ConflictError);
        await expect(tx.create("isp", id, {}, {}, {}, prov())).rejects.toBeInstanceOf(AlreadyExistsError);
        await tx.create("isp", other, { n: 1 }, {}, {}, prov());
      });
      expect(await store.get("isp", other)).toBeDefined();
    });
  });
}

// ---- persistence --------------------------------------------------------------------------------------------

function persistenceCases(opts: StorageCaseOptions): void {
  describe("persistence", () => {
    let location: DurableLocation | undefined;
    afterAll(async () => {
      await location?.cleanup();
    });

    it("versions and audit survive close and reopen", async () => {
      location = await opts.newDurable();
      const id = randomUUID();
      const first = await location.open();
      await first.create("isp", id, { n: 1 }, { identifiers: ["upn:P1"] }, { settingUrn: "100001" }, prov());
      const v2 = await first.update(
        "isp",
        id,
        1,
        { n: 2 },
        { identifiers: ["upn:P1"] },
        { settingUrn: "100001" },
        prov(),
      );
      const rec = await first.appendAudit({
        actor,
        action: "update",
        kind: "isp",
        resourceId: id,
        version: 2,
        correlationId: "p",
        outcome: "allowed",
      });
      await first.close();

      const second = await location.open();
      try {
        expect(await second.get("isp", id)).toEqual(v2);
        expect((await second.listVersions("isp", id)).map((v) => v.version)).toEqual([1, 2]);
        expect((await second.search({ kind: "isp", upn: "P1", limit: 10 })).items).toEqual([v2]);
        expect((await second.queryAudit({ resourceId: id, limit: 10 })).items).toEqual([rec]);
        // The sequence continues after a restart rather than reusing numbers.
        const next = await second.appendAudit({ ...rec, correlationId: "p2" });
        expect(next.seq).toBeGreaterThan(rec.seq ?? Infinity);
      } finally {
        await second.close();
      }
    });
  });
}
