// A pass that yields the findings of several rule families at once, so families that each read every node of a
// document can share one walk of it (document-walk.ts). Each member family keeps its own `run`, which gives the same
// findings on its own; a validator that knows about passes (validate/validator.ts) runs the pass once instead.
// Kept beside the registry rather than in RuleFamily, so the public rule-family shape stays as it is.
import type { Finding } from "./finding.ts";

export interface SharedPass {
  /** The findings of every member family, indexed by member slot. May throw where a member's own run would; the
   *  validator then runs the members one by one. */
  pass(document: unknown): Finding[][];
  /** This family's entry in what `pass` returns. */
  slot: number;
}

const membership = new WeakMap<object, SharedPass>();

/** Marks `family` as the member in `slot` of `pass`; returns the family. */
export function sharingPass<F extends object>(family: F, pass: (document: unknown) => Finding[][], slot: number): F {
  membership.set(family, { pass, slot });
  return family;
}

/** The pass `family` is a member of, if any. */
export function sharedPassOf(family: object): SharedPass | undefined {
  return membership.get(family);
}
