// The standard's code lists and crosswalks, ready to query. Data comes from vocab-index.ts (static JSON imports),
// so this module works in Node and in browser bundles alike.
import { createVocabulary } from "./vocabulary.ts";
import { CODE_LISTS, CROSSWALKS } from "./vocab-index.ts";

export type {
  CodeEntry,
  CodeList,
  CodeStatus,
  Crosswalk,
  CrosswalkLinkEntry,
  CrosswalkUnmappedEntry,
} from "./types.ts";
export type { CrosswalkLink, CrosswalkResult, Vocabulary } from "./vocabulary.ts";
export type { CodeValidity } from "./validity.ts";
export { createVocabulary } from "./vocabulary.ts";
export { entryValidityOn, toIsoDate } from "./validity.ts";
export { CODE_LISTS, CROSSWALKS } from "./vocab-index.ts";

/** The standard's vocabulary. */
export const vocabulary = createVocabulary(CODE_LISTS, CROSSWALKS);

export const listIds = vocabulary.listIds;
export const getCodeList = vocabulary.getCodeList;
export const getCode = vocabulary.getCode;
export const childrenOf = vocabulary.childrenOf;
export const codeValidity = vocabulary.codeValidity;
export const isCodeValidOn = vocabulary.isCodeValidOn;
export const crosswalk = vocabulary.crosswalk;
