// Reads the SEN part of a Common Transfer File (CTF 17+ element names, see README.md) into LegacyClassification
// records (common.schema.json) with crosswalk suggestions to areas of development. Pure over the XML text; every
// problem is collected as an error with a path, never thrown. Legacy provision codes S/A/P are accepted as history
// only: such an episode is always closed (effectiveTo set) so it can never read as current status.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { LegacyClassification } from "../../generated/types.ts";
import { crosswalk, getCode, type CrosswalkResult } from "../vocab/index.ts";

export interface CtfIssue {
  code: string;
  message: string;
  /** Element path, e.g. "CTfile/CTFpupilData/Pupil[0]/SENhistory/SENneeds/SENneed[1]/SENtypeRank". */
  path: string;
}

export interface CtfPupilSen {
  upn?: string;
  /** Provision episodes oldest first; needs are attached to the episodes their dates overlap. */
  classifications: LegacyClassification[];
  /** Area-of-development suggestions per SEN type of the current (latest) episode. Never apply without the review flag cleared. */
  suggestions: CrosswalkResult[];
  warnings: CtfIssue[];
}

export type CtfImportResult = { ok: true; pupils: CtfPupilSen[] } | { ok: false; errors: CtfIssue[] };

export interface CtfImportOptions {
  /** When the classifications are recorded in this system (ISO date-time). */
  recordedAt: string;
  /** Source system text, e.g. "CTF 24"; defaults to "Common Transfer File". */
  system?: string;
}

const LEGACY_PROVISION = new Set(["S", "A", "P"]);
/** Last day S/A/P were valid (census-sen-provision code list validTo). */
const LEGACY_END = "2014-08-31";
const ARRAY_TAGS = new Set(["Pupil", "SEN", "SENneed"]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type XmlNode = Record<string, unknown>;

function isNode(value: unknown): value is XmlNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(node: XmlNode, tag: string): string | undefined {
  const value = node[tag];
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  return undefined;
}

function validDate(value: string): boolean {
  return DATE.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().slice(0, 10) === value;
}

function dayBefore(date: string): string {
  return new Date(Date.parse(date) - 86_400_000).toISOString().slice(0, 10);
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

interface Need {
  code: string;
  rank: number;
  start?: string;
  end?: string;
}

/** Finds every SENhistory with its pupil (UPN) anywhere in the document: a full CTF or a bare SEN block. */
function findHistories(
  node: unknown,
  path: string,
  pupil: XmlNode | undefined,
  out: { history: XmlNode; pupil?: XmlNode; path: string }[],
): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      findHistories(item, `${path}[${i}]`, pupil, out);
    });
    return;
  }
  if (!isNode(node)) return;
  for (const [key, value] of Object.entries(node)) {
    const childPath = path === "" ? key : `${path}/${key}`;
    if (key === "SENhistory") {
      if (isNode(value))
        out.push(
          pupil === undefined ? { history: value, path: childPath } : { history: value, pupil, path: childPath },
        );
      else if (value === "" || value === undefined) continue;
      continue;
    }
    if (key === "Pupil" && Array.isArray(value)) {
      value.forEach((p, i) => {
        findHistories(p, `${childPath}[${i}]`, isNode(p) ? p : undefined, out);
      });
      continue;
    }
    findHistories(value, childPath, pupil, out);
  }
}

export function importCtfSen(xml: string, options: CtfImportOptions): CtfImportResult {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return {
      ok: false,
      errors: [
        {
          code: "ctf.xml-malformed",
          message: `Not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
          path: "",
        },
      ],
    };
  }
  let doc: unknown;
  try {
    const parser = new XMLParser({
      ignoreAttributes: true,
      parseTagValue: false,
      trimValues: true,
      processEntities: true,
      isArray: (tag) => ARRAY_TAGS.has(tag),
    });
    doc = parser.parse(xml);
  } catch (error) {
    return {
      ok: false,
      errors: [
        { code: "ctf.xml-malformed", message: error instanceof Error ? error.message : String(error), path: "" },
      ],
    };
  }
  const histories: { history: XmlNode; pupil?: XmlNode; path: string }[] = [];
  findHistories(doc, "", undefined, histories);
  if (histories.length === 0)
    return {
      ok: false,
      errors: [{ code: "ctf.no-sen-history", message: "No SENhistory element was found.", path: "" }],
    };

  const errors: CtfIssue[] = [];
  const pupils: CtfPupilSen[] = [];
  for (const { history, pupil, path } of histories) {
    const warnings: CtfIssue[] = [];
    const episodes: { provision: string; start: string; path: string }[] = [];
    const senList = Array.isArray(history["SEN"]) ? history["SEN"] : [];
    senList.forEach((sen, i) => {
      const at = `${path}/SEN[${i}]`;
      if (!isNode(sen)) {
        errors.push({ code: "ctf.sen-empty", message: "SEN element has no StartDate or SENprovision.", path: at });
        return;
      }
      const start = text(sen, "StartDate");
      const provision = text(sen, "SENprovision");
      if (start === undefined || !validDate(start))
        errors.push({
          code: "ctf.invalid-date",
          message: `StartDate ${JSON.stringify(start ?? null)} is not a date (YYYY-MM-DD).`,
          path: `${at}/StartDate`,
        });
      if (provision === undefined || getCode("census-sen-provision", provision) === undefined) {
        errors.push({
          code: "ctf.unknown-provision",
          message: `SENprovision ${JSON.stringify(provision ?? null)} is not a census SEN provision code (E, K, N; historic S, A, P).`,
          path: `${at}/SENprovision`,
        });
      }
      if (
        start !== undefined &&
        validDate(start) &&
        provision !== undefined &&
        getCode("census-sen-provision", provision) !== undefined
      )
        episodes.push({ provision, start, path: at });
    });
    const needs: Need[] = [];
    const needsNode = history["SENneeds"];
    const needList = isNode(needsNode) && Array.isArray(needsNode["SENneed"]) ? needsNode["SENneed"] : [];
    needList.forEach((need, i) => {
      const at = `${path}/SENneeds/SENneed[${i}]`;
      if (!isNode(need)) {
        errors.push({ code: "ctf.need-empty", message: "SENneed element is empty.", path: at });
        return;
      }
      const code = text(need, "SENtype");
      const rankText = text(need, "SENtypeRank");
      const start = text(need, "NeedStartDate");
      const end = text(need, "NeedEndDate");
      let ok = true;
      if (code === undefined || getCode("census-sen-types", code) === undefined) {
        ok = false;
        errors.push({
          code: "ctf.unknown-sen-type",
          message:
            `SENtype ${JSON.stringify(code ?? null)} is not a census SEN type code (SPLD, MLD, SLD, ` +
            `PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, DS, OTH, NSA).`,
          path: `${at}/SENtype`,
        });
      }
      const rank = rankText !== undefined && /^[0-9]{1,3}$/.test(rankText) ? Number(rankText) : NaN;
      if (!(rank >= 1 && rank <= 99)) {
        ok = false;
        errors.push({
          code: "ctf.rank-out-of-range",
          message: `SENtypeRank ${JSON.stringify(rankText ?? null)} must be a whole number from 1 to 99.`,
          path: `${at}/SENtypeRank`,
        });
      }
      for (const [tag, value] of [
        ["NeedStartDate", start],
        ["NeedEndDate", end],
      ] as const) {
        if (value !== undefined && !validDate(value)) {
          ok = false;
          errors.push({
            code: "ctf.invalid-date",
            message: `${tag} ${JSON.stringify(value)} is not a date (YYYY-MM-DD).`,
            path: `${at}/${tag}`,
          });
        }
      }
      if (ok && start !== undefined && end !== undefined && end < start) {
        ok = false;
        errors.push({
          code: "ctf.invalid-date",
          message: `NeedEndDate ${end} is before NeedStartDate ${start}.`,
          path: `${at}/NeedEndDate`,
        });
      }
      if (ok && code !== undefined)
        needs.push({ code, rank, ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) });
    });
    if (errors.length > 0) continue;

    episodes.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    const classifications: LegacyClassification[] = episodes.map((episode, i) => {
      const next = episodes[i + 1];
      let effectiveTo = next === undefined ? undefined : dayBefore(next.start);
      if (LEGACY_PROVISION.has(episode.provision)) {
        // History only: a legacy code must never read as current, so close it no later than the day the code ended.
        effectiveTo = effectiveTo === undefined ? LEGACY_END : minDate(effectiveTo, LEGACY_END);
        if (next === undefined || dayBefore(next.start) > LEGACY_END) {
          warnings.push({
            code: "ctf.legacy-code-closed",
            message: `Legacy provision ${episode.provision} from ${episode.start} is kept as history only, closed at ${effectiveTo}.`,
            path: episode.path,
          });
        }
      }
      const from = episode.start;
      const to = effectiveTo;
      const active = needs.filter(
        (need) =>
          (to === undefined || need.start === undefined || need.start <= to) &&
          (need.end === undefined || need.end >= from),
      );
      const attached =
        next === undefined ? active : active.filter((need) => need.start !== undefined || need.end !== undefined);
      const record: LegacyClassification = {
        senProvision: episode.provision as LegacyClassification["senProvision"],
        effectiveFrom: from,
        source: { sourceType: "common-transfer-file", system: options.system ?? "Common Transfer File" },
        recordedAt: options.recordedAt,
      };
      if (to !== undefined) record.effectiveTo = to;
      if (attached.length > 0 && episode.provision !== "N") {
        record.senTypes = [...attached]
          .sort((a, b) => a.rank - b.rank)
          .map((need) => ({
            code: need.code as NonNullable<LegacyClassification["senTypes"]>[number]["code"],
            rank: need.rank,
          }));
      }
      return record;
    });
    const current = classifications.at(-1);
    const suggestions = (current?.effectiveTo === undefined ? (current?.senTypes ?? []) : []).map((type) =>
      crosswalk("census-sen-types", type.code, "areas-of-development"),
    );
    const upn = pupil === undefined ? undefined : text(pupil, "UPN");
    pupils.push(
      upn === undefined ? { classifications, suggestions, warnings } : { upn, classifications, suggestions, warnings },
    );
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, pupils };
}
