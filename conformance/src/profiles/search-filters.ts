// The search-filter test: every query filter the standard's OpenAPI description gives a resource's search operation
// (standard-api.ts) is exercised with a record that matches and one that does not, both made by the test. A filter
// the description names and the suite cannot exercise fails the suite's own unit test (search-filters.test.ts), so a
// filter added to the standard cannot go untested.
import { validate } from "send-interchange";
import { check, expectProblem, itemsOf, nextLinkOf } from "../check.ts";
import { type ChildFixture, FixtureError, freshNhsNumber, freshUln, isObj } from "../fixtures/factory.ts";
import type { Json } from "../fixtures/templates.ts";
import type { TestContext } from "../model.ts";
import { codesOf, searchFilters } from "../standard-api.ts";
import type { ResourceSpec } from "./resources.ts";
import { createRecord, token, walkPages } from "./steps.ts";

/** Records a probe made and the queries that must find all of `hit` and none of `miss`. */
interface Trial {
  what: string;
  query: string;
  hit: string[];
  miss: string[];
  /** When true the answer must be exactly `hit` (the query names something only this test made). */
  exact?: boolean;
  /** The type carries no such fact: refusing the filter (400 invalid-parameter) is as good as matching nothing. */
  refusalAllowed?: boolean;
}

type Probe = (ctx: TestContext, spec: ResourceSpec) => Promise<Trial[]>;

/** A copy of the fixture changed by `edit`; a variant the standard refuses is a fault of the suite, not the server. */
function variant(doc: Json, edit: (d: Json) => void): Json | undefined {
  const copy = structuredClone(doc);
  edit(copy);
  return validate(copy).valid ? copy : undefined;
}

// The standard's codes (its OpenAPI description); which of them a kind accepts is left to `variant`'s validation.
const STATUSES = ["IspStatus", "EhcpStatus", "SppStatus"].flatMap(codesOf);
const LAYERS = codesOf("LayerOfSupport");

/** The open layer-of-support period (the current layer), else the latest-starting one. */
function currentLayerPeriod(doc: Json): Json | undefined {
  const periods = Array.isArray(doc.layersOfSupport) ? doc.layersOfSupport.filter(isObj) : [];
  const start = (p: Json) => String(isObj(p.period) ? p.period.start : "");
  const open = periods.filter((p) => !isObj(p.period) || p.period.end === undefined);
  return (open.length > 0 ? open : periods).sort((a, b) => start(a).localeCompare(start(b))).at(-1);
}

/** Where the next review date lives: the review schedule, else the latest review (the standard's reading). */
function nextReviewHolder(doc: Json): Json | undefined {
  if (isObj(doc.reviewSchedule) && typeof doc.reviewSchedule.nextReviewDue === "string") return doc.reviewSchedule;
  const reviews = (Array.isArray(doc.reviews) ? doc.reviews.filter(isObj) : [])
    .filter((r) => typeof r.nextReviewDue === "string")
    .sort((a, b) => String(a.heldOn ?? "").localeCompare(String(b.heldOn ?? "")));
  return reviews.at(-1);
}

const daysBefore = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** Two records of one child: the fixture as it is (`a`) and a variant (`b`). */
async function pairOfOneChild(
  ctx: TestContext,
  spec: ResourceSpec,
  b: Json,
): Promise<{ a: string; b: string; child: string }> {
  const child = ctx.fixtures.newChild(0);
  const first = await createRecord(ctx, spec, child);
  const second = await createRecord(ctx, spec, child, spec.writer, (d) => ({ ...b, id: d.id, child: d.child }));
  return { a: first.id, b: second.id, child: child.childId };
}

/** Records of two children with distinct identifiers: child `a` has two records, child `b` one. */
async function twoChildren(ctx: TestContext, spec: ResourceSpec) {
  const a: ChildFixture = { ...ctx.fixtures.newChild(0), uln: freshUln(), nhsNumber: freshNhsNumber() };
  const b: ChildFixture = { ...ctx.fixtures.newChild(0), uln: freshUln(), nhsNumber: freshNhsNumber() };
  const aIds = [(await createRecord(ctx, spec, a)).id, (await createRecord(ctx, spec, a)).id];
  const bIds = [(await createRecord(ctx, spec, b)).id];
  return { a, b, aIds, bIds };
}

const spaced = (nhs: string) => `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`;

/** How each filter is exercised; keyed by the parameter name in the OpenAPI description. */
export const PROBES: Readonly<Record<string, Probe>> = {
  async childId(ctx, spec) {
    const { a, b, aIds, bIds } = await twoChildren(ctx, spec);
    return [
      { what: "childId", query: `childId=${a.childId}`, hit: aIds, miss: bIds, exact: true },
      {
        what: "childId AND upn of another child",
        query: `childId=${a.childId}&upn=${b.upn}`,
        hit: [],
        miss: [...aIds, ...bIds],
        exact: true,
      },
    ];
  },
  async upn(ctx, spec) {
    const { a, aIds, bIds } = await twoChildren(ctx, spec);
    return [
      { what: "upn", query: `upn=${a.upn}`, hit: aIds, miss: bIds, exact: true },
      {
        what: "upn in lower case (normalised)",
        query: `upn=${a.upn.toLowerCase()}`,
        hit: aIds,
        miss: bIds,
        exact: true,
      },
    ];
  },
  async uln(ctx, spec) {
    const { a, aIds, bIds } = await twoChildren(ctx, spec);
    return [{ what: "uln", query: `uln=${a.uln}`, hit: aIds, miss: bIds, exact: true }];
  },
  async nhsNumber(ctx, spec) {
    const { b, aIds, bIds } = await twoChildren(ctx, spec);
    return [
      { what: "nhsNumber", query: `nhsNumber=${b.nhsNumber}`, hit: bIds, miss: aIds, exact: true },
      {
        what: "nhsNumber written with spaces (normalised)",
        query: `nhsNumber=${encodeURIComponent(spaced(b.nhsNumber!))}`,
        hit: bIds,
        miss: aIds,
        exact: true,
      },
    ];
  },
  async status(ctx, spec) {
    const doc = ctx.fixtures.document(spec.kind, ctx.fixtures.newChild(0));
    if (typeof doc.status !== "string") return absentFact(ctx, spec, "status", "status=active");
    const other = STATUSES.filter((s) => s !== doc.status)
      .map((s) => variant(doc, (d) => (d.status = s)))
      .find((d) => d !== undefined);
    if (!other) throw new FixtureError(`no second valid status for a ${spec.kind} fixture`);
    const { a, b, child } = await pairOfOneChild(ctx, spec, other);
    return [
      { what: `status=${doc.status}`, query: `childId=${child}&status=${doc.status}`, hit: [a], miss: [b] },
      {
        what: `status=${String(other.status)}`,
        query: `childId=${child}&status=${String(other.status)}`,
        hit: [b],
        miss: [a],
      },
    ];
  },
  async layer(ctx, spec) {
    const doc = ctx.fixtures.document(spec.kind, ctx.fixtures.newChild(0));
    const current = currentLayerPeriod(doc);
    if (!current) throw new FixtureError(`the ${spec.kind} fixture has no layer of support`);
    const layer = String(current.layer);
    const other = LAYERS.filter((l) => l !== layer)
      .map((l) => variant(doc, (d) => (currentLayerPeriod(d)!.layer = l)))
      .find((d) => d !== undefined);
    if (!other) throw new FixtureError(`no second valid layer for a ${spec.kind} fixture`);
    const { a, b, child } = await pairOfOneChild(ctx, spec, other);
    return [{ what: `layer=${layer}`, query: `childId=${child}&layer=${layer}`, hit: [a], miss: [b] }];
  },
  async reviewDueBefore(ctx, spec) {
    const doc = ctx.fixtures.document(spec.kind, ctx.fixtures.newChild(0));
    const holder = nextReviewHolder(doc);
    if (!holder) return absentFact(ctx, spec, "next review date", "reviewDueBefore=2100-01-01");
    const due = String(holder.nextReviewDue);
    const earlier = daysBefore(due, 30);
    const other = variant(doc, (d) => (nextReviewHolder(d)!.nextReviewDue = earlier));
    if (!other) throw new FixtureError(`a ${spec.kind} fixture due for review 30 days earlier is not valid`);
    const { a, b, child } = await pairOfOneChild(ctx, spec, other);
    // The bound is exclusive: the record due on that very day is not "before" it.
    return [
      {
        what: `reviewDueBefore=${due} (exclusive)`,
        query: `childId=${child}&reviewDueBefore=${due}`,
        hit: [b],
        miss: [a],
      },
    ];
  },
  async settingUrn(ctx, spec) {
    // The setting a record is held by: its owner (when a setting), else the setting named for the placement.
    const doc = ctx.fixtures.document(spec.kind, ctx.fixtures.newChild(0));
    const holder =
      isObj(doc.owner) && typeof doc.owner.urn === "string"
        ? doc.owner
        : isObj(doc.namedPlacement) && isObj(doc.namedPlacement.setting)
          ? doc.namedPlacement.setting
          : undefined;
    return byTenantValue(ctx, spec, "settingUrn", holder?.urn, ctx.config.tenants[1].setting.urn);
  },
  async laCode(ctx, spec) {
    const doc = ctx.fixtures.document(spec.kind, ctx.fixtures.newChild(0));
    const owner = isObj(doc.owner) ? doc.owner : {};
    const own = ctx.config.tenants[0].setting.laCode;
    const other = ctx.config.tenants[1].setting.laCode === own ? "999" : ctx.config.tenants[1].setting.laCode;
    return byTenantValue(ctx, spec, "laCode", owner.laCode, other);
  },
};

/** A filter on where a record is held: a tenant holds only its own records, so the record that does not match is
 *  sought with another tenant's value. Without the fact in the document, only exclusion can be checked. */
async function byTenantValue(
  ctx: TestContext,
  spec: ResourceSpec,
  filter: string,
  own: unknown,
  other: string,
): Promise<Trial[]> {
  if (typeof own !== "string") return absentFact(ctx, spec, filter, `${filter}=${other}`);
  const { a, aIds } = await twoChildren(ctx, spec);
  return [
    { what: `${filter} of the record's holder`, query: `childId=${a.childId}&${filter}=${own}`, hit: aIds, miss: [] },
    { what: `${filter} of another holder`, query: `childId=${a.childId}&${filter}=${other}`, hit: [], miss: aIds },
  ];
}

const childOf = (doc: Json): string => String((doc.child as Json).personId);

/** The document type carries no such fact: a record of the test's child must not match a value for it. */
async function absentFact(ctx: TestContext, spec: ResourceSpec, fact: string, query: string): Promise<Trial[]> {
  const made = await createRecord(ctx, spec, ctx.fixtures.newChild(0));
  ctx.note(`a ${spec.kind} carries no ${fact}: only exclusion is checked`);
  return [
    {
      what: `${query} on a record without ${fact}`,
      query: `childId=${childOf(made.doc)}&${query}`,
      hit: [],
      miss: [made.id],
      refusalAllowed: true,
    },
  ];
}

/** Runs every filter of the resource's search operation; a filter the suite has no probe for fails the test. */
export async function exerciseSearchFilters(ctx: TestContext, spec: ResourceSpec): Promise<void> {
  const filters = searchFilters(spec.path);
  check(filters.length > 0, `the standard's OpenAPI description has no search filters for GET ${spec.path}`);
  const unknown = filters.filter((f) => !PROBES[f]);
  if (unknown.length > 0) throw new FixtureError(`the suite cannot exercise the filter(s) ${unknown.join(", ")}`);
  const tok = token(ctx, spec.writer);
  for (const filter of filters) {
    for (const trial of await PROBES[filter]!(ctx, spec)) {
      if (trial.refusalAllowed) {
        const first = await ctx.http.get(`${spec.path}?${trial.query}`, { token: tok });
        if (first.status === 400) {
          expectProblem(first, 400, `GET ${spec.path}?${trial.query}`, "invalid-parameter");
          ctx.note(`${spec.path} ${trial.what}: refused with 400 invalid-parameter`);
          continue;
        }
      }
      const { pages } = await walkPages(ctx, `${spec.path}?${trial.query}&limit=100`, tok, nextLinkOf, (r) =>
        itemsOf(r, "search"),
      );
      const got = pages.flat().map((d) => String(d.id));
      const missing = trial.hit.filter((id) => !got.includes(id));
      const wrong = trial.miss.filter((id) => got.includes(id));
      check(
        missing.length === 0,
        `${spec.path} ${trial.what}: the matching record(s) ${missing.join(", ")} are not returned`,
      );
      check(
        wrong.length === 0,
        `${spec.path} ${trial.what}: the record(s) ${wrong.join(", ")} that do not match are returned`,
      );
      if (trial.exact)
        check(
          got.length === trial.hit.length,
          `${spec.path} ${trial.what}: expected exactly ${trial.hit.length} record(s), got ${got.length}`,
        );
    }
    ctx.note(`filter ${filter}: matching and non-matching records checked`);
  }
}
