// The api-core profile: behaviour of the document resources over HTTP (create, conditional reads, preconditions,
// concurrency, immutable versions, no deletes, pagination, filters, error bodies, $validate). Each test makes its own
// records. Ids: send.api-core.<resource>.<behaviour>, or send.api-core.<behaviour> for resource-independent ones.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { validate } from "send-interchange";
import { subjectFor } from "../config.ts";
import type { TestDef } from "../model.ts";
import {
  check,
  expectProblem,
  expectStatus,
  firstDifference,
  header,
  itemsOf,
  nextLinkOf,
  SERVER_MAINTAINED,
} from "../check.ts";
import { isObj, markerOf } from "../fixtures/factory.ts";
import { RESOURCE_SPECS, resourceSpec, type ResourceSpec } from "./resources.ts";
import { exerciseSearchFilters } from "./search-filters.ts";
import { createRecord, itemPath, readRecord, registerChild, token, updateRecord, walkPages } from "./steps.ts";
import { breakingRule, withOnlyAWarning } from "../fixtures/rule-breakers.ts";

function perResource(spec: ResourceSpec): TestDef[] {
  const k = spec.kind;
  const n = spec.noun;
  const base = { profile: "api-core" as const, capabilities: [`resource:${k}`], roles: [spec.writer] };
  const tests: TestDef[] = [
    {
      ...base,
      id: `send.api-core.${k}.create-returns-location-etag`,
      title: `Creating a ${n} returns 201 with Location and ETag`,
      level: "MUST",
      requirements: ["SI-API-001"],
      async run(ctx) {
        await createRecord(ctx, spec);
      },
    },
    {
      ...base,
      id: `send.api-core.${k}.read-returns-stored-document`,
      title: `Reading a ${n} returns the stored document with an ETag`,
      level: "MUST",
      requirements: ["SI-API-002", "SI-API-039", "SI-API-041"],
      async run(ctx) {
        // The marker sits in `extensions`: a receiver must keep extensions it does not understand.
        const created = await createRecord(ctx, spec, undefined, spec.writer, (d) => ctx.fixtures.withMarker(d));
        const res = await readRecord(ctx, spec, created.id);
        expectStatus(res, 200, `GET ${spec.path}/{id}`);
        const etag = header(res, "etag", `GET ${spec.path}/{id}`);
        check(!etag.startsWith("W/"), `GET ${spec.path}/{id}: the ETag ${etag} is weak; reads need a strong ETag`);
        const diff = firstDifference(created.doc, res.json);
        check(diff === undefined, `the document read back differs from the one stored, first at ${diff}`);
        const v = validate(res.json);
        check(
          v.valid,
          `the document read back is not valid: ${v.errors[0]?.pointer ?? ""} ${v.errors[0]?.message ?? ""}`,
        );
      },
    },
    {
      ...base,
      id: `send.api-core.${k}.if-none-match-not-modified`,
      title: `A ${n} read with the current ETag in If-None-Match gives 304`,
      level: "MUST",
      requirements: ["SI-API-003"],
      async run(ctx) {
        const created = await createRecord(ctx, spec);
        const first = await readRecord(ctx, spec, created.id);
        expectStatus(first, 200, "first read");
        const etag = header(first, "etag", "first read");
        const res = await ctx.http.get(itemPath(spec, created.id), {
          token: token(ctx, spec.writer),
          headers: { "if-none-match": etag },
        });
        expectStatus(res, 304, "read with If-None-Match");
        check(res.text.length === 0, "a 304 response has a body");
        const other = await ctx.http.get(itemPath(spec, created.id), {
          token: token(ctx, spec.writer),
          headers: { "if-none-match": '"not-the-current-etag"' },
        });
        expectStatus(other, 200, "read with a non-matching If-None-Match");
      },
    },
    {
      ...base,
      id: `send.api-core.${k}.update-without-if-match-refused`,
      title: `Updating a ${n} without If-Match gives 428 and stores nothing`,
      level: "MUST",
      requirements: ["SI-API-004", "SI-API-013"],
      async run(ctx) {
        const created = await createRecord(ctx, spec);
        const res = await updateRecord(ctx, spec, created.id, ctx.fixtures.withMarker(created.doc));
        expectProblem(res, 428, "PUT without If-Match");
        const after = await readRecord(ctx, spec, created.id);
        check(markerOf(after.json) === markerOf(created.doc), "the refused update was stored anyway");
      },
    },
    {
      ...base,
      id: `send.api-core.${k}.update-stale-if-match-refused`,
      title: `Updating a ${n} with a stale If-Match gives 412`,
      level: "MUST",
      requirements: ["SI-API-005", "SI-API-013"],
      async run(ctx) {
        const created = await createRecord(ctx, spec);
        const first = ctx.fixtures.withMarker(created.doc);
        expectStatus(await updateRecord(ctx, spec, created.id, first, { ifMatch: created.etag }), 200, "first update");
        const stale = ctx.fixtures.withMarker(created.doc);
        expectProblem(
          await updateRecord(ctx, spec, created.id, stale, { ifMatch: created.etag }),
          412,
          "update with the stale ETag",
        );
        const after = await readRecord(ctx, spec, created.id);
        check(markerOf(after.json) === markerOf(first), "the update with a stale ETag replaced the current version");
      },
    },
    {
      ...base,
      id: `send.api-core.${k}.update-writes-new-version`,
      title: `Updating a ${n} with If-Match stores the new version`,
      level: "MUST",
      requirements: ["SI-API-006", "SI-API-041"],
      async run(ctx) {
        const created = await createRecord(ctx, spec);
        const next = ctx.fixtures.withMarker(created.doc);
        const res = await updateRecord(ctx, spec, created.id, next, { ifMatch: created.etag });
        expectStatus(res, 200, "PUT with the current If-Match");
        const etag = header(res, "etag", "PUT");
        check(etag !== created.etag, "the ETag did not change after an update");
        const after = await readRecord(ctx, spec, created.id);
        expectStatus(after, 200, "read after update");
        const diff = firstDifference(next, after.json, "", SERVER_MAINTAINED);
        check(diff === undefined, `the updated document read back differs from the one sent, first at ${diff}`);
      },
    },
    {
      ...base,
      id: `send.api-core.${k}.update-without-change-reason-refused`,
      title: `Updating a ${n} without Change-Reason gives 400`,
      level: "MUST",
      requirements: ["SI-API-008", "SI-API-013"],
      async run(ctx) {
        const created = await createRecord(ctx, spec);
        const res = await updateRecord(ctx, spec, created.id, ctx.fixtures.withMarker(created.doc), {
          ifMatch: created.etag,
          reason: null,
        });
        const problem = expectProblem(res, 400, "PUT without Change-Reason", "invalid-parameter");
        const pointers = Array.isArray(problem.errors) ? problem.errors.filter(isObj).map((e) => e.pointer) : [];
        check(
          pointers.some((p) => typeof p === "string" && p.toLowerCase() === "/header/change-reason"),
          `the problem does not point at /header/Change-Reason (pointers: ${JSON.stringify(pointers)})`,
        );
      },
    },
    {
      ...base,
      id: `send.api-core.${k}.concurrent-updates-one-wins`,
      title: `Of parallel ${n} updates with one ETag exactly one succeeds`,
      level: "MUST",
      requirements: ["SI-API-005", "SI-API-006"],
      async run(ctx) {
        const created = await createRecord(ctx, spec);
        const bodies = Array.from({ length: 5 }, () => ctx.fixtures.withMarker(created.doc));
        const answers = await Promise.all(
          bodies.map((b) => updateRecord(ctx, spec, created.id, b, { ifMatch: created.etag })),
        );
        const statuses = answers.map((a) => a.status);
        const winners = answers.flatMap((a, i) => (a.status === 200 ? [i] : []));
        check(
          winners.length === 1,
          `expected exactly one 200 among 5 parallel updates with the same If-Match, got statuses ${statuses.join(", ")}`,
        );
        check(
          statuses.filter((s) => s !== 200).every((s) => s === 412),
          `the losing updates must get 412, got ${statuses.join(", ")}`,
        );
        const after = await readRecord(ctx, spec, created.id);
        check(
          markerOf(after.json) === markerOf(bodies[winners[0]!]),
          "the stored document is not the one whose update succeeded",
        );
      },
    },
    {
      ...base,
      id: `send.api-core.${k}.versions-contiguous-immutable`,
      title: `${n} versions run 1..n, oldest first, and never change`,
      level: "MUST",
      requirements: ["SI-API-006", "SI-API-010", "SI-API-002"],
      async run(ctx) {
        const created = await createRecord(ctx, spec);
        let etag = created.etag;
        const sent = [created.doc];
        for (let i = 0; i < 2; i++) {
          const next = ctx.fixtures.withMarker(created.doc);
          const res = await updateRecord(ctx, spec, created.id, next, { ifMatch: etag });
          expectStatus(res, 200, `update ${i + 1}`);
          etag = header(res, "etag", `update ${i + 1}`);
          sent.push(next);
        }
        const tok = token(ctx, spec.writer);
        const { pages } = await walkPages(ctx, `${itemPath(spec, created.id)}/versions?limit=2`, tok, nextLinkOf, (r) =>
          itemsOf(r, "version list"),
        );
        const numbers = pages.flat().map((v) => v.version);
        check(
          JSON.stringify(numbers) === "[1,2,3]",
          `expected versions [1,2,3] oldest first, got ${JSON.stringify(numbers)}`,
        );
        for (let v = 1; v <= 3; v++) {
          const res = await ctx.http.get(`${itemPath(spec, created.id)}/versions/${v}`, { token: tok });
          expectStatus(res, 200, `GET version ${v}`);
          const versionEtag = header(res, "etag", `GET version ${v}`);
          check(
            !versionEtag.startsWith("W/"),
            `GET version ${v}: the ETag ${versionEtag} is weak; reads need a strong ETag`,
          );
          // Version 1 is as created; later ones carry the server's updatedAt and changeReason.
          const diff = firstDifference(sent[v - 1], res.json, "", v === 1 ? [] : SERVER_MAINTAINED);
          check(diff === undefined, `version ${v} differs from what was written, first at ${diff}`);
        }
      },
    },
    {
      ...base,
      id: `send.api-core.${k}.versions-record-provenance`,
      title: `Each ${n} version records who, in which role, when and why`,
      level: "MUST",
      requirements: ["SI-API-007"],
      async run(ctx) {
        const created = await createRecord(ctx, spec);
        const reason = `conformance reason ${randomUUID()}`;
        const before = Date.now();
        expectStatus(
          await updateRecord(ctx, spec, created.id, ctx.fixtures.withMarker(created.doc), {
            ifMatch: created.etag,
            reason,
          }),
          200,
          "update with a Change-Reason",
        );
        const res = await ctx.http.get(`${itemPath(spec, created.id)}/versions`, { token: token(ctx, spec.writer) });
        expectStatus(res, 200, "GET versions");
        const v2 = itemsOf(res, "version list").find((v) => v.version === 2);
        check(v2 !== undefined, "the version list has no version 2 after an update");
        check(
          v2.reason === reason,
          `version 2 records the reason ${JSON.stringify(v2.reason)}, not the Change-Reason sent (${reason})`,
        );
        const by = isObj(v2.recordedBy) ? v2.recordedBy : {};
        check(
          by.role === spec.writer.role,
          `version 2 records the role ${JSON.stringify(by.role)}, expected ${spec.writer.role}`,
        );
        const subject = subjectFor(ctx.config, spec.writer.tenant, spec.writer.role);
        check(
          typeof by.subject === "string" && by.subject.length > 0,
          "version 2 does not record who made it (recordedBy.subject)",
        );
        if (subject !== undefined)
          check(
            by.subject === subject,
            `version 2 records the subject ${JSON.stringify(by.subject)}, expected ${subject}`,
          );
        const at = typeof v2.recordedAt === "string" ? Date.parse(v2.recordedAt) : NaN;
        check(
          Number.isFinite(at) && Math.abs(at - before) < 10 * 60_000,
          `version 2 records the time ${JSON.stringify(v2.recordedAt)}, not within 10 minutes of the update`,
        );
        if (typeof by.system === "string") ctx.note(`recorded system: ${by.system}`);
      },
    },
    {
      ...base,
      id: `send.api-core.${k}.update-maintains-provenance`,
      title: `An updated ${n}'s provenance says when and why it changed`,
      level: "MUST",
      requirements: ["SI-API-007"],
      async run(ctx) {
        const created = await createRecord(ctx, spec);
        const reason = `conformance reason ${randomUUID()}`;
        const before = Date.now();
        const next = ctx.fixtures.withMarker(created.doc);
        expectStatus(
          await updateRecord(ctx, spec, created.id, next, { ifMatch: created.etag, reason }),
          200,
          "update with a Change-Reason",
        );
        const after = await readRecord(ctx, spec, created.id);
        expectStatus(after, 200, "read after update");
        const prov = isObj(after.json) && isObj(after.json.provenance) ? after.json.provenance : {};
        check(
          prov.changeReason === reason,
          `provenance.changeReason is ${JSON.stringify(prov.changeReason)}, not the Change-Reason sent (${reason})`,
        );
        // The time of the write, or the record's own later date (a record dated ahead of the server's clock, as the
        // worked examples are, keeps its provenance from going backwards).
        const at = typeof prov.updatedAt === "string" ? Date.parse(prov.updatedAt) : NaN;
        const previous = isObj(created.doc.provenance) ? Date.parse(String(created.doc.provenance.updatedAt)) : NaN;
        check(
          Number.isFinite(at) && at >= before - 10 * 60_000 && !(at < previous),
          `provenance.updatedAt is ${JSON.stringify(prov.updatedAt)}: not the time of the update, nor the record's own later date`,
        );
      },
    },
    {
      ...base,
      id: `send.api-core.${k}.delete-not-offered`,
      title: `A ${n} cannot be deleted; DELETE gives 404 or 405`,
      level: "MUST",
      requirements: ["SI-API-009"],
      async run(ctx) {
        const created = await createRecord(ctx, spec);
        const res = await ctx.http.request("DELETE", itemPath(spec, created.id), { token: token(ctx, spec.writer) });
        expectStatus(res, [404, 405], "DELETE");
        expectStatus(await readRecord(ctx, spec, created.id), 200, "read after DELETE");
      },
    },
    spec.personal
      ? {
          ...base,
          id: `send.api-core.${k}.create-assigns-fresh-id`,
          title: `A created ${n} gets a fresh server-assigned id`,
          level: "MUST",
          requirements: ["SI-API-057", "SI-API-001"],
          async run(ctx) {
            const created = await createRecord(ctx, spec);
            // The same document again, carrying the id just stored: a new record, and the first one is untouched.
            const again = ctx.fixtures.withMarker(created.doc);
            const res = await ctx.http.post(spec.path, { token: token(ctx, spec.writer), body: again });
            expectStatus(res, 201, "second POST carrying the id of a stored record");
            const second = isObj(res.json) ? res.json.id : undefined;
            check(
              typeof second === "string" && second !== created.id,
              `the second create answered the id ${JSON.stringify(second)}; a create must assign a fresh id, not reuse ${created.id}`,
            );
            const location = header(res, "location", "second POST");
            check(
              new URL(ctx.http.resolve(location)).pathname.endsWith(
                `${spec.path}/${encodeURIComponent(String(second))}`,
              ),
              `Location "${location}" does not name the new record ${String(second)}`,
            );
            const after = await readRecord(ctx, spec, created.id);
            check(
              markerOf(after.json) === markerOf(created.doc),
              "the second create changed the record whose id it carried",
            );
            expectStatus(await readRecord(ctx, spec, String(second)), 200, "read of the second record");
          },
        }
      : {
          ...base,
          id: `send.api-core.${k}.create-duplicate-id-conflict`,
          title: `Creating a ${n} with an existing id gives 409`,
          level: "MUST",
          requirements: ["SI-API-060", "SI-API-013"],
          async run(ctx) {
            const created = await createRecord(ctx, spec);
            const again = ctx.fixtures.withMarker(created.doc);
            expectProblem(
              await ctx.http.post(spec.path, { token: token(ctx, spec.writer), body: again }),
              409,
              "second POST with the same id",
            );
            const after = await readRecord(ctx, spec, created.id);
            check(markerOf(after.json) === markerOf(created.doc), "the refused create replaced the stored document");
          },
        },
    {
      ...base,
      id: `send.api-core.${k}.invalid-document-refused`,
      title: `A ${n} breaking the schema or an error rule is refused (422)`,
      level: "MUST",
      requirements: ["SI-API-014", "SI-API-013", "SI-API-039", "SI-API-040"],
      async run(ctx) {
        // A registered child, so the only reason to refuse is the one each case plants.
        const child = spec.personal ? await registerChild(ctx, ctx.fixtures.newChild(0), spec.writer) : undefined;
        const schemaBroken = ctx.fixtures.document(k, child);
        schemaBroken.schemaVersion = "0.0-not-a-version";
        const ruleBroken = breakingRule(k, ctx.fixtures.document(k, child));
        const cases = [
          { what: "a schema error", doc: schemaBroken, pointer: "/schemaVersion", ruleId: /^schema\./ },
          {
            what: `an error-severity rule (${ruleBroken.ruleId})`,
            doc: ruleBroken.doc,
            pointer: ruleBroken.pointer,
            ruleId: new RegExp(`^${ruleBroken.ruleId.replace(/\./g, "\\.")}$`),
          },
        ];
        for (const c of cases) {
          const problem = expectProblem(
            await ctx.http.post(spec.path, { token: token(ctx, spec.writer), body: c.doc }),
            422,
            `POST of a document with ${c.what}`,
            "validation-failed",
          );
          const errors = Array.isArray(problem.errors) ? problem.errors.filter(isObj) : [];
          check(
            errors.some((e) => e.pointer === c.pointer && c.ruleId.test(String(e.ruleId))),
            `${c.what}: errors[] has no item pointing at ${c.pointer} with ruleId ${c.ruleId.source} ` +
              `(got ${JSON.stringify(errors.map((e) => [e.pointer, e.ruleId]))})`,
          );
          expectStatus(await readRecord(ctx, spec, String(c.doc.id)), 404, `read of the refused document (${c.what})`);
        }
        if (child) {
          const res = await ctx.http.get(`${spec.path}?childId=${child.childId}`, { token: token(ctx, spec.writer) });
          expectStatus(res, 200, `GET ${spec.path}?childId=… after the refusals`);
          const stored = itemsOf(res, "search");
          check(
            stored.length === 0,
            `the refused documents were stored: ${stored.length} record(s) of the child exist`,
          );
        }
      },
    },
  ];
  if (spec.personal) {
    tests.push(
      {
        ...base,
        id: `send.api-core.${k}.search-pages-once-each`,
        title: `Paging a ${n} search visits every match exactly once`,
        level: "MUST",
        requirements: ["SI-API-011"],
        async run(ctx) {
          const child = ctx.fixtures.newChild(0);
          const ids: string[] = [];
          for (let i = 0; i < 5; i++) ids.push((await createRecord(ctx, spec, child)).id);
          const tok = token(ctx, spec.writer);
          const { pages, responses } = await walkPages(
            ctx,
            `${spec.path}?childId=${child.childId}&limit=2`,
            tok,
            nextLinkOf,
            (r) => itemsOf(r, "search"),
          );
          check(pages.length >= 3, `5 matches at limit=2 need at least 3 pages, got ${pages.length}`);
          check(
            pages.every((p) => p.length <= 2),
            "a page holds more items than limit=2",
          );
          for (const r of responses.slice(0, -1))
            check(
              isObj(r.json) && typeof r.json.nextCursor === "string",
              "a page with more results after it has no nextCursor",
            );
          const seen = pages.flat().map((d) => String(d.id));
          check(new Set(seen).size === seen.length, `an item appeared on two pages: ${seen.join(", ")}`);
          check(
            ids.every((id) => seen.includes(id)) && seen.length === ids.length,
            `expected exactly the 5 created records, got ${seen.length}: ${seen.join(", ")}`,
          );
        },
      },
      {
        ...base,
        id: `send.api-core.${k}.search-returns-current-version`,
        title: `${n} search answers the current version of a record`,
        level: "MUST",
        requirements: ["SI-API-012", "SI-API-006"],
        async run(ctx) {
          const child = ctx.fixtures.newChild(0);
          const created = await createRecord(ctx, spec, child);
          const next = ctx.fixtures.withMarker(created.doc);
          const put = await updateRecord(ctx, spec, created.id, next, { ifMatch: created.etag });
          expectStatus(put, 200, "PUT with the current If-Match");
          const res = await ctx.http.get(`${spec.path}?childId=${child.childId}&limit=100`, {
            token: token(ctx, spec.writer),
          });
          expectStatus(res, 200, `GET ${spec.path}?childId=…`);
          const found = itemsOf(res, "search").find((d) => String(d.id) === created.id);
          check(found !== undefined, `the updated ${n} is missing from a search by its child`);
          const diff = firstDifference(next, found, "", SERVER_MAINTAINED);
          check(
            diff === undefined,
            `search answered a stale version, not the current version (first difference at ${diff})`,
          );
        },
      },
      {
        ...base,
        id: `send.api-core.${k}.search-filters-subset-complete`,
        title: `Every ${n} search filter returns all and only the matches`,
        level: "MUST",
        requirements: ["SI-API-012"],
        async run(ctx) {
          await exerciseSearchFilters(ctx, spec);
        },
      },
    );
  }
  return tests;
}

const isp = resourceSpec("isp");

/** The $id of the shipped schema of a document type: the URI discovery must name for it. */
function schemaId(kind: string): string {
  const url = new URL(`../../../schemas/${kind}.schema.json`, import.meta.url);
  return String((JSON.parse(readFileSync(url, "utf8")) as { $id?: unknown }).$id);
}

export const API_CORE_TESTS: readonly TestDef[] = [
  ...RESOURCE_SPECS.flatMap(perResource),
  {
    id: "send.api-core.malformed-json-refused",
    title: "A body that is not JSON gives 400 problem+json",
    level: "MUST",
    requirements: ["SI-API-015", "SI-API-013"],
    profile: "api-core",
    capabilities: ["resource:isp"],
    roles: [isp.writer],
    async run(ctx) {
      const res = await ctx.http.post(isp.path, {
        token: token(ctx, isp.writer),
        rawBody: '{"documentType": "isp", ',
        headers: { "content-type": "application/json" },
      });
      expectProblem(res, 400, "POST of malformed JSON", "malformed-json");
    },
  },
  {
    id: "send.api-core.validate-reports-without-storing",
    title: "POST /$validate reports findings and stores nothing",
    level: "MUST",
    requirements: ["SI-API-019"],
    profile: "api-core",
    capabilities: ["resource:isp", "validate-endpoint"],
    roles: [isp.writer],
    async run(ctx) {
      const tok = token(ctx, isp.writer);
      const good = ctx.fixtures.document("isp", ctx.fixtures.newChild(0));
      const ok = await ctx.http.post("/$validate", { token: tok, body: good });
      expectStatus(ok, 200, "$validate of a valid ISP");
      check(isObj(ok.json) && ok.json.valid === true, "$validate says a valid ISP is not valid");
      // Every declared document type, not only ISPs: the answer names the type and carries errors and findings.
      for (const kind of ctx.config.capabilities.resources) {
        const doc = ctx.fixtures.document(kind, kind === "spp" ? undefined : ctx.fixtures.newChild(0));
        const res = await ctx.http.post("/$validate", { token: tok, body: doc });
        expectStatus(res, 200, `$validate of a valid ${kind}`);
        const body = isObj(res.json) ? res.json : {};
        check(
          body.valid === true &&
            body.documentType === kind &&
            Array.isArray(body.errors) &&
            Array.isArray(body.findings),
          `$validate of a valid ${kind}: expected {valid: true, documentType: "${kind}", errors: [], ` +
            `findings: [...]}, got ${JSON.stringify(body).slice(0, 300)}`,
        );
        expectStatus(await readRecord(ctx, resourceSpec(kind), String(doc.id)), 404, `read of a validated ${kind}`);
      }
      const bad = ctx.fixtures.document("isp", ctx.fixtures.newChild(0));
      bad.schemaVersion = "0.0-not-a-version";
      const res = await ctx.http.post("/$validate", { token: tok, body: bad });
      expectStatus(res, 200, "$validate of an invalid ISP");
      check(isObj(res.json) && res.json.valid === false, "$validate says an invalid ISP is valid");
      const errors = Array.isArray(res.json.errors) ? res.json.errors.filter(isObj) : [];
      check(
        errors.some((e) => e.pointer === "/schemaVersion"),
        `$validate errors do not point at /schemaVersion (got ${JSON.stringify(errors.map((e) => e.pointer))})`,
      );
      for (const id of [good.id, bad.id])
        expectStatus(await readRecord(ctx, isp, String(id)), 404, "read of a validated (never created) document");
    },
  },
  {
    id: "send.api-core.warnings-reported-not-refused",
    title: "A warning is reported by POST /$validate and does not prevent storage",
    level: "SHOULD",
    requirements: ["SI-API-043"],
    profile: "api-core",
    capabilities: ["resource:isp", "validate-endpoint"],
    roles: [isp.writer],
    async run(ctx) {
      const tok = token(ctx, isp.writer);
      const child = await registerChild(ctx, ctx.fixtures.newChild(0), isp.writer);
      const warned = withOnlyAWarning(ctx.fixtures.document("isp", child));
      const res = await ctx.http.post("/$validate", { token: tok, body: warned.doc });
      expectStatus(res, 200, "$validate of an ISP with only a warning");
      const body = isObj(res.json) ? res.json : {};
      const findings = Array.isArray(body.findings) ? body.findings.filter(isObj) : [];
      check(body.valid === true, `$validate says an ISP with only a warning is not valid (valid: ${body.valid})`);
      check(
        findings.some((f) => f.pointer === warned.pointer && f.ruleId === warned.ruleId && f.severity === "warning"),
        `$validate does not report the warning ${warned.ruleId} at ${warned.pointer} (findings: ` +
          `${JSON.stringify(findings.map((f) => [f.pointer, f.ruleId, f.severity]))})`,
      );
      const created = await ctx.http.post(isp.path, {
        token: tok,
        body: warned.doc,
        headers: { "change-reason": "conformance: a warning only" },
      });
      expectStatus(created, 201, "POST of an ISP with only a warning");
      const id = isObj(created.json) ? String(created.json.id) : "";
      expectStatus(await readRecord(ctx, isp, id), 200, "read of the ISP stored with a warning");
    },
  },
  {
    id: "send.api-core.discovery-describes-server",
    title: "GET / describes the standard version and document types",
    level: "MUST",
    requirements: ["SI-API-020"],
    profile: "api-core",
    async run(ctx) {
      const res = await ctx.http.get("/");
      expectStatus(res, 200, "GET /");
      check(isObj(res.json), "GET / is not a JSON object");
      // Shape-agnostic: the values the answer must name, wherever it puts them.
      const text = JSON.stringify(res.json);
      const wanted = [
        ...ctx.config.capabilities.resources.map((kind) => schemaId(kind)),
        '"1.0"',
        "/openapi.json",
        "/docs",
      ];
      const missing = wanted.filter((w) => !text.includes(w));
      check(
        missing.length === 0,
        `GET / does not name ${missing.join(", ")} (the supported document types' schema URIs, the schema version, the OpenAPI and docs URLs)`,
      );
      ctx.note(`discovery: ${text.slice(0, 300)}`);
    },
  },
];
