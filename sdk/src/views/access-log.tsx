/** @jsxImportSource preact */
// "Who has read this plan in the last year": the access log, grouped by organisation, role and purpose, newest first.
import type { VNode } from "preact";
import type { AccessLogFact } from "./facts.ts";
import { codeText, formatDate } from "./text.ts";

/** Roles of the API (spec/roles.ts) that are not practitioner roles, in words. */
const API_ROLES: Record<string, string> = {
  "parent-carer": "Parent or carer",
  "setting-staff": "School or nursery staff",
  "la-officer": "Local authority SEND team",
  "health-commissioner": "NHS health team",
  governor: "School governor",
  auditor: "Auditor",
  "young-person": "The young person",
};

function roleText(role: string): string {
  return API_ROLES[role] ?? codeText("practitioner-roles", role) ?? role;
}

interface Group {
  who: string;
  purpose: string;
  count: number;
  last: string;
}

export function groupAccess(log: readonly AccessLogFact[], today: string): Group[] {
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4, 10)}`;
  const groups = new Map<string, Group>();
  for (const e of log) {
    const day = typeof e.at === "string" ? e.at.slice(0, 10) : "";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day < yearAgo || day > today) continue;
    const who = e.organisation ? `${roleText(e.role)}, ${e.organisation}` : roleText(e.role);
    const purpose = e.purpose ?? "looked at the plan";
    const key = `${who}\u0000${purpose}`;
    const g = groups.get(key);
    if (g) {
      g.count += 1;
      if (day > g.last) g.last = day;
    } else groups.set(key, { who, purpose, count: 1, last: day });
  }
  return [...groups.values()].sort((a, b) => (a.last < b.last ? 1 : a.last > b.last ? -1 : a.who.localeCompare(b.who)));
}

export function AccessLog(props: { log: readonly AccessLogFact[] | undefined; today: string; you?: boolean }): VNode {
  if (props.log === undefined)
    return (
      <p>
        {props.you ? "You can" : "The family can"} ask the school or the council for a list of everyone who has read
        this plan.
      </p>
    );
  const groups = groupAccess(props.log, props.today);
  if (groups.length === 0) return <p>Nobody else has read this plan in the last year.</p>;
  return (
    <ul>
      {groups.map((g) => (
        <li key={`${g.who}-${g.purpose}`}>
          {g.who}: {g.purpose}
          {g.count > 1 ? ` ${g.count} times, last on ${formatDate(g.last)}` : ` on ${formatDate(g.last)}`}.
        </li>
      ))}
    </ul>
  );
}
