// Lookups over code lists and crosswalks. createVocabulary is pure over the data it is given, so tests and tools can
// pass their own lists; index.ts binds it to the standard's lists.
import type { CodeEntry, CodeList, Crosswalk } from "./types.ts";
import { entryValidityOn, type CodeValidity } from "./validity.ts";

export interface CrosswalkLink {
  crosswalkId: string;
  toList: string;
  to: string;
  strength: "primary" | "partial";
  needsProfessionalReview: boolean;
  note: string;
}

export interface CrosswalkResult {
  fromList: string;
  code: string;
  /** Candidate target codes; never apply a link with needsProfessionalReview without a professional confirming it. */
  links: CrosswalkLink[];
  /** Why (part of) the code has no clean home in the target list; empty when fully covered by links. */
  unmapped: { crosswalkId: string; toList: string; reason: string }[];
  /** True when any link needs review, or part of the code is unmapped: a person must decide. */
  needsProfessionalReview: boolean;
}

export interface Vocabulary {
  listIds(): string[];
  getCodeList(listId: string): CodeList | undefined;
  getCode(listId: string, code: string): CodeEntry | undefined;
  /** Codes whose parent is parentCode (for example the sub-components of an area of development). */
  childrenOf(listId: string, parentCode: string): CodeEntry[];
  /** Detailed answer: valid, not yet valid, retired, or why the question cannot be answered. */
  codeValidity(listId: string, code: string, date: string | Date): CodeValidity;
  /** True only when the code exists in the list and the date is within validFrom..validTo (inclusive). */
  isCodeValidOn(listId: string, code: string, date: string | Date): boolean;
  /** Links from one code to every list it is crosswalked to (or only to toList when given). */
  crosswalk(fromList: string, code: string, toList?: string): CrosswalkResult;
}

export function createVocabulary(lists: readonly CodeList[], crosswalks: readonly Crosswalk[]): Vocabulary {
  const byId = new Map(lists.map((list) => [list.id, list] as const));
  const codeIndex = new Map(
    lists.map((list) => [list.id, new Map(list.codes.map((entry) => [entry.code, entry] as const))] as const),
  );

  const getCode = (listId: string, code: string) => codeIndex.get(listId)?.get(code);

  const codeValidity = (listId: string, code: string, date: string | Date): CodeValidity => {
    if (!byId.has(listId)) return "unknown-list";
    const entry = getCode(listId, code);
    return entry ? entryValidityOn(entry, date) : "unknown-code";
  };

  return {
    listIds: () => [...byId.keys()],
    getCodeList: (listId) => byId.get(listId),
    getCode,
    childrenOf: (listId, parentCode) => (byId.get(listId)?.codes ?? []).filter((entry) => entry.parent === parentCode),
    codeValidity,
    isCodeValidOn: (listId, code, date) => codeValidity(listId, code, date) === "valid",
    crosswalk: (fromList, code, toList) => {
      const relevant = crosswalks.filter(
        (xw) => xw.fromList === fromList && (toList === undefined || xw.toList === toList),
      );
      const links = relevant.flatMap((xw) =>
        xw.links
          .filter((link) => link.from === code)
          .map((link) => ({
            crosswalkId: xw.id,
            toList: xw.toList,
            to: link.to,
            strength: link.strength,
            needsProfessionalReview: link.needsProfessionalReview,
            note: link.note,
          })),
      );
      const unmapped = relevant.flatMap((xw) =>
        xw.unmapped
          .filter((entry) => entry.from === code)
          .map((entry) => ({ crosswalkId: xw.id, toList: xw.toList, reason: entry.reason })),
      );
      return {
        fromList,
        code,
        links,
        unmapped,
        needsProfessionalReview:
          unmapped.length > 0 || links.length === 0 || links.some((link) => link.needsProfessionalReview),
      };
    },
  };
}
