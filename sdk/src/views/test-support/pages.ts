// Every page the views make for the worked examples (and the agreement fixture), for the browser and readability
// checks: one entry per view of every worked example it is defined for.
import { renderClassroomView, renderFamilyView, renderYoungPersonView } from "../index.ts";
import { PLAN_EXAMPLES, ispWithAgreement, worked } from "./fixtures.ts";

export interface RenderedPage {
  /** e.g. "isp-year4-targeted.family" */
  name: string;
  example: string;
  view: "family" | "young-person" | "classroom";
  html: string;
}

const RENDER = {
  family: renderFamilyView,
  "young-person": renderYoungPersonView,
  classroom: renderClassroomView,
} as const;

function page(example: string, view: RenderedPage["view"], doc: unknown): RenderedPage {
  return { name: `${example}.${view}`, example, view, html: RENDER[view](doc, { viewerRole: "parent-carer" }) };
}

export function allPages(): RenderedPage[] {
  const out: RenderedPage[] = [];
  for (const file of PLAN_EXAMPLES.isp)
    for (const view of ["family", "young-person", "classroom"] as const)
      out.push(page(file.replace(/\.json$/, ""), view, worked(file)));
  for (const file of [...PLAN_EXAMPLES.ehcp, ...PLAN_EXAMPLES["legacy-ehcp"]])
    out.push(page(file.replace(/\.json$/, ""), "family", worked(file)));
  for (const view of ["family", "young-person", "classroom"] as const)
    out.push(page("isp-with-family-agreement", view, ispWithAgreement()));
  return out;
}
