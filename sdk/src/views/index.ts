// Plans people can read: pure functions from a plan (plus the viewer's role and optional facts such as the access
// log) to a complete, standalone, accessible HTML page. No network, no external fonts or scripts.
export type { AccessLogFact, TransferFact, ViewOptions } from "./facts.ts";
export { renderFamilyView } from "./family.tsx";
export { renderYoungPersonView } from "./young-person.tsx";
export { renderClassroomView } from "./classroom.tsx";
export { GLOSSARY, type GlossaryTerm } from "./glossary.tsx";
export { formatDate, codeText } from "./text.ts";
export { teacherMaySee } from "./classroom-filter.ts";
export { visibleText } from "./visible-text.ts";

/** The views the standard defines, by the name used in `/…/views/{name}`. */
export const VIEW_NAMES = ["family", "young-person", "classroom"] as const;
export type ViewName = (typeof VIEW_NAMES)[number];
