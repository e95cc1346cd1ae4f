// What a class or supply teacher may see: only items and sections labelled for education, and nothing labelled
// health, social care or safeguarding (the sharing labels decide, as they do for transfers). Pure.
import { arr, isObj, strings, type Obj } from "./text.ts";

const WITHHELD = new Set(["health", "social-care", "safeguarding"]);

/** Labels the document gives a section or an item by JSON pointer (`sharing` entries), most specific first. */
function labelsAt(doc: Obj, pointer: string): string[] | undefined {
  let best: { len: number; labels: string[] } | undefined;
  for (const entry of arr(doc.sharing)) {
    const section = typeof entry.section === "string" ? entry.section : undefined;
    if (!section || !(pointer === section || pointer.startsWith(`${section}/`))) continue;
    if (!best || section.length > best.len) best = { len: section.length, labels: strings(entry.labels) };
  }
  return best?.labels;
}

/** Education-only, with nothing withheld; unlabelled content counts as education (the ISP schema's default). */
export function teacherMaySee(labels: readonly string[] | undefined): boolean {
  if (labels === undefined) return true;
  return labels.includes("education") && !labels.some((l) => WITHHELD.has(l));
}

/** The items of `prop` a teacher may see. */
export function classroomItems(doc: Obj, prop: string): Obj[] {
  const list = Array.isArray(doc[prop]) ? (doc[prop] as unknown[]) : [];
  const out: Obj[] = [];
  list.forEach((item, index) => {
    if (!isObj(item)) return;
    const own = Array.isArray(item.sharing) ? strings(item.sharing) : undefined;
    if (teacherMaySee(own ?? labelsAt(doc, `/${prop}/${index}`))) out.push(item);
  });
  return teacherMaySee(labelsAt(doc, `/${prop}`)) ? out : [];
}
