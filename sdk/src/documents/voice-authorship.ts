// Who may speak as whom on the voice endpoint (spec/decisions/q-dig-11-record-ids.md, SI-API-060). A parent or carer
// adds their own views or their child's, never a statement attributed to a professional, an advocate or someone
// else; professionals record the views they captured, of anyone (the version's provenance names who recorded it).
// One implementation for the reference server and the SDK's msw mock.

/** Voice author roles (codes.schema.json VoiceRole) a parent-carer caller may claim. */
export const PARENT_VOICE_AUTHOR_ROLES: readonly string[] = ["parent-carer", "child", "young-person"];

/** The caller roles that speak for a family rather than a service (spec/roles.ts ids). */
const FAMILY_ROLES: ReadonlySet<string> = new Set(["parent-carer"]);

export interface VoiceAuthorshipError {
  pointer: string;
  ruleId: string;
  message: string;
}

/** Errors for a voice statement the caller (by role id) may not add; empty when allowed. `pointer` is the statement's
 *  place in the stored document (e.g. "/voice/3"). A statement without a string authorRole is left to the schema. */
export function voiceAuthorshipErrors(callerRole: string, statement: unknown, pointer: string): VoiceAuthorshipError[] {
  if (!FAMILY_ROLES.has(callerRole)) return [];
  if (statement === null || typeof statement !== "object" || Array.isArray(statement)) return [];
  const authorRole = (statement as Record<string, unknown>).authorRole;
  if (typeof authorRole !== "string" || PARENT_VOICE_AUTHOR_ROLES.includes(authorRole)) return [];
  return [
    {
      pointer: `${pointer}/authorRole`,
      ruleId: "api.voice-author-role",
      message: `A ${callerRole} may add views as ${PARENT_VOICE_AUTHOR_ROLES.join(", ")}; not as ${authorRole}.`,
    },
  ];
}
