// Where a document type keeps its voice statements, and how the voice endpoint appends one (POST …/{id}/voice).
// One implementation for the reference server and the SDK's msw mock. A 2014-regulation EHCP keeps the views of the
// child and family in section A ("views, interests and aspirations"); every other type in a top-level `voice` list.

/** JSON pointer of each document type's list of voice statements (items: common.schema.json VoiceStatement). */
export const VOICE_POINTERS = {
  isp: "/voice",
  ehcp: "/voice",
  "legacy-ehcp": "/sectionA/voice",
  "development-profile": "/voice",
} as const;

export type VoiceDocumentType = keyof typeof VOICE_POINTERS;

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** The statement in a contribution: a voice statement itself, or `{ statement: <voice statement> }`. */
function statementOf(contribution: unknown): unknown {
  return isObj(contribution) && "statement" in contribution ? contribution.statement : contribution;
}

/**
 * A copy of `document` with the contribution's statement appended to its voice list (created, with any missing
 * parent objects, when absent), the statement, and its pointer in the copy (for voiceAuthorshipErrors). The copy is
 * validated like any update by the caller, so a malformed statement is a 422 there.
 */
export function appendVoice(
  kind: VoiceDocumentType,
  document: unknown,
  contribution: unknown,
): { document: unknown; statement: unknown; pointer: string } {
  const doc = structuredClone(document) as Json;
  const path = VOICE_POINTERS[kind].split("/").slice(1);
  let parent: Json = doc;
  for (const name of path.slice(0, -1)) {
    if (!isObj(parent[name])) parent[name] = {};
    parent = parent[name] as Json;
  }
  const last = path.at(-1)!;
  const list = Array.isArray(parent[last]) ? (parent[last] as unknown[]) : [];
  const statement = statementOf(contribution);
  parent[last] = [...list, statement];
  return { document: doc, statement, pointer: `${VOICE_POINTERS[kind]}/${list.length}` };
}
