// Rule family `vague-wording`: phrases that leave the amount or delivery of provision open (SEND Code 9.69).
// Matching is case-insensitive and whole-word: "support" matches "support" but not "supported" or "supportive".
import type { Finding } from "./finding.ts";
import { pointerJoin } from "./finding.ts";
import { finding } from "./rule-catalogue.ts";
import { arr, obj } from "./document-access.ts";

export const VAGUE_PHRASE = "any.vague-wording.vague-phrase";

/** Phrases always flagged. Each is matched as whole words; internal spaces match any run of whitespace. */
const ALWAYS = [
  "as required",
  "as needed",
  "access to",
  "opportunities for",
  "opportunity for",
  "regular",
  "regularly",
  "input",
  "would benefit from",
  "where possible",
];

const NUMBER_WORDS =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|sixty|once|twice|daily|weekly|fortnightly|monthly|termly|half-termly";
/** A quantity anywhere in the text: a digit, a number word or a fixed-rate word. "support" is only vague without one. */
const QUANTITY = new RegExp(`\\d|\\b(?:${NUMBER_WORDS})\\b`, "i");

function phraseBody(phrase: string): string {
  return phrase
    .split(" ")
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("\\s+");
}

function phraseRegExp(phrase: string): RegExp {
  // Letters, digits and hyphen count as word characters so "input-output" or "self-support" are not split.
  return new RegExp(`(?<![\\p{L}\\p{N}-])${phraseBody(phrase)}(?![\\p{L}\\p{N}-])`, "iu");
}

const ALWAYS_RES = ALWAYS.map((phrase) => ({ phrase, re: phraseRegExp(phrase) }));
/** Matches somewhere exactly when one of ALWAYS_RES does: one scan rules out the common text with no vague phrase. */
const ANY_ALWAYS_RE = new RegExp(
  `(?<![\\p{L}\\p{N}-])(?:${ALWAYS.map(phraseBody).join("|")})(?![\\p{L}\\p{N}-])`,
  "iu",
);
const SUPPORT_RE = phraseRegExp("support");
/** Names of things, not amounts of help: the white paper's "Support Base", the census "SEN support", "support worker"
 *  (a role) and "support plan". Removed before looking for a bare "support". Global, for replace (which starts
 *  every global search from the beginning, so sharing them is safe). */
const SUPPORT_TERMS = [
  "support base",
  "support bases",
  "sen support",
  "support worker",
  "support workers",
  "support plan",
  "support plans",
  "support staff",
].map((t) => new RegExp(phraseRegExp(t).source, "giu"));

/** The vague phrases in `text`, as written in the text (first occurrence of each), in order of appearance. */
export function vaguePhrases(text: string): string[] {
  const hits: Array<{ at: number; text: string }> = [];
  if (ANY_ALWAYS_RE.test(text)) {
    for (const { re } of ALWAYS_RES) {
      const m = re.exec(text);
      if (m) hits.push({ at: m.index, text: m[0] });
    }
  }
  // "regular" and "regularly" are separate whole words, so one text never reports both for the same word.
  // Blanking the support terms only removes candidate matches (their edges are non-word characters), so a text
  // with no "support" at all needs no blanking.
  if (SUPPORT_RE.test(text) && !QUANTITY.test(text)) {
    const withoutTerms = SUPPORT_TERMS.reduce((t, re) => t.replace(re, (m) => " ".repeat(m.length)), text);
    const m = SUPPORT_RE.exec(withoutTerms);
    if (m) hits.push({ at: m.index, text: text.slice(m.index, m.index + m[0].length) });
  }
  return hits.sort((a, b) => a.at - b.at).map((h) => h.text);
}

/** Which text fields hold provision descriptions and outcome text, per document type, as [collection path, field]. */
const FIELDS: Record<string, Array<{ path: string[]; fields: string[] }>> = {
  isp: [
    { path: ["provision"], fields: ["title", "description"] },
    { path: ["outcomes"], fields: ["description"] },
  ],
  ehcp: [
    { path: ["guaranteedProvision"], fields: ["description"] },
    { path: ["healthProvision"], fields: ["description"] },
    { path: ["socialCareProvision"], fields: ["description"] },
    { path: ["expectedOutcomes"], fields: ["description"] },
  ],
  "legacy-ehcp": [
    { path: ["sectionE", "outcomes"], fields: ["description"] },
    { path: ["sectionF", "items"], fields: ["description"] },
    { path: ["sectionG", "items"], fields: ["description"] },
    { path: ["sectionH1", "items"], fields: ["description"] },
    { path: ["sectionH2", "items"], fields: ["description"] },
  ],
  spp: [
    { path: ["provisionComponents"], fields: ["description"] },
    { path: ["expectedOutcomes"], fields: ["description"] },
  ],
};

export function vagueWordingRules(document: unknown): Finding[] {
  const doc = obj(document);
  const specs = typeof doc.documentType === "string" ? FIELDS[doc.documentType] : undefined;
  if (!specs) return [];
  const out: Finding[] = [];
  for (const spec of specs) {
    let node: unknown = doc;
    for (const key of spec.path) node = obj(node)[key];
    arr(node).forEach((raw, i) => {
      const item = obj(raw);
      for (const field of spec.fields) {
        const text = item[field];
        if (typeof text !== "string") continue;
        for (const phrase of vaguePhrases(text)) {
          out.push(
            finding(
              VAGUE_PHRASE,
              pointerJoin(...spec.path, i, field),
              `"${phrase}" is vague: say what will be done, by whom, how often and for how long.`,
            ),
          );
        }
      }
    });
  }
  return out;
}
