/** @jsxImportSource preact */
// Parts of an ISP shared by the family and young-person views. `you` switches the wording to the second person
// (the young-person view); otherwise the child is named.
import type { VNode } from "preact";
import { Agreement } from "./agreement.tsx";
import { Facts } from "./page.tsx";
import { personText } from "./people.ts";
import {
  arr,
  capitalise,
  codeText,
  codeTextInSentence,
  formatDate,
  groupText,
  num,
  periodText,
  scheduleText,
  str,
  strings,
  type Obj,
} from "./text.ts";

export interface Audience {
  /** The child's name, as used in the plan. */
  name: string;
  /** Second person ("you") for the young-person view. */
  you: boolean;
}

const who = (a: Audience) => (a.you ? "you" : a.name);

/** "Extra support the law requires" or "An adjustment", from the item's legal basis. */
export function legalTag(legalBasis: unknown): VNode | null {
  if (legalBasis === "special-educational-provision") return <p class="tag law">Extra support the law requires</p>;
  if (legalBasis === "reasonable-adjustment") return <p class="tag adjust">An adjustment the law asks for</p>;
  if (legalBasis === "health-provision") return <p class="tag adjust">Health support</p>;
  return null;
}

/** Everyday adjustments, each with where it applies. */
export function AdjustmentList(props: { adjustments: readonly Obj[] }): VNode {
  return (
    <ul>
      {props.adjustments.map((a) => (
        <li key={String(a.id)}>
          {String(a.description ?? "")}
          {str(a.context) ? ` (${a.context as string})` : ""}
        </li>
      ))}
    </ul>
  );
}

export function ProvisionCard(props: { item: Obj; document: Obj; audience: Audience }): VNode {
  const { item, document, audience } = props;
  const by = isObjLike(item.deliveredBy) ? item.deliveredBy : {};
  const deliverer = personText(by.practitioner, document) ?? codeText("practitioner-roles", by.role);
  const supervised = codeTextInSentence("practitioner-roles", by.supervisedBy);
  const group = groupText(item.groupSize, capitalise(who(audience)));
  return (
    <div class={item.legalBasis === "special-educational-provision" ? "card law" : "card"}>
      <h3>{str(item.title) ?? codeText("provision-types", item.provisionType)}</h3>
      {legalTag(item.legalBasis)}
      {str(item.description) ? <p>{item.description as string}</p> : null}
      <Facts
        rows={[
          ["Who", deliverer ? (supervised ? `${deliverer}, guided by the ${supervised}` : deliverer) : undefined],
          ["How often", scheduleText(item.frequency, item.sessionLengthMinutes)],
          ["With whom", group ? capitalise(group) : undefined],
          ["Where", codeText("delivery-locations", item.location)],
          ["When", periodText(item.period) ? capitalise(periodText(item.period)!) : undefined],
          ["What has worked", str(item.whatHasWorked)],
        ]}
      />
      <Agreement item={item} document={document} youName={audience.you ? audience.name : undefined} />
    </div>
  );
}

function isObjLike(v: unknown): v is Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

export function OutcomeCard(props: { outcome: Obj; audience: Audience }): VNode {
  const o = props.outcome;
  const criteria = arr(o.successCriteria);
  const progress = arr(o.progress);
  return (
    <div class="card">
      <h3>{str(o.description) ?? "An outcome"}</h3>
      {criteria.length > 0 ? (
        <ul>
          {criteria.map((c) => {
            const by = formatDate(c.byDate);
            const last = progress.filter((p) => p.successCriterionId === c.id).at(-1);
            const step = last && isObjLike(last.smallStep) ? last.smallStep : undefined;
            const now =
              step && num(step.achieved) !== undefined
                ? `On ${formatDate(last!.recordedOn) ?? "the last check"}: ${step.achieved}${num(step.outOf) !== undefined ? ` out of ${step.outOf}` : ""}.`
                : undefined;
            return (
              <li key={String(c.id)}>
                <strong>{str(c.measure) ?? "How we will know"}</strong>
                {str(c.baseline) ? `. At the start: ${c.baseline}` : ""}
                {str(c.target) ? `. The aim: ${c.target}` : ""}
                {by ? ` by ${by}` : ""}.{now ? ` ${now}` : ""}
              </li>
            );
          })}
        </ul>
      ) : null}
      {progress
        .filter((p) => str(p.note))
        .map((p, i) => (
          <p key={i} class="note">
            {formatDate(p.recordedOn) ? `${formatDate(p.recordedOn)}: ` : ""}
            {p.note as string}
          </p>
        ))}
    </div>
  );
}

const NOT_DELIVERED: Record<string, string> = {
  "staff-absence": "a member of staff was away",
  "staff-vacancy": "the school had no one in post to do it",
  "child-absence": "NAME was away",
  "setting-closure": "the school was closed",
  "timetable-clash": "something else was on the timetable",
  "resource-unavailable": "what was needed was not there",
  "child-declined": "NAME did not want to take part",
  other: "of another reason",
};

export function DeliveryList(props: { document: Obj; audience: Audience }): VNode | null {
  const records = arr(props.document.deliveryRecords);
  if (records.length === 0) return null;
  const provision = arr(props.document.provision);
  const name = props.audience.you ? "you" : props.audience.name;
  return (
    <ul>
      {records.map((r) => {
        const p = provision.find((x) => x.id === r.provisionId);
        const title = str(p?.title) ?? "Support";
        const when = periodText(r.period);
        const planned = num(r.sessionsPlanned);
        const done = num(r.sessionsDelivered);
        const count =
          planned !== undefined && done !== undefined ? `${done} of ${planned} sessions happened` : undefined;
        const why = str(r.notDeliveredReason)
          ? ` because ${NOT_DELIVERED[r.notDeliveredReason as string]?.replace("NAME", name) ?? "of another reason"}`
          : "";
        return (
          <li key={String(r.id)}>
            <strong>{title}</strong>
            {when ? ` (${when})` : ""}:{" "}
            {count ?? (r.status === "delivered" ? "it happened as planned" : "it did not all happen")}
            {r.status !== "delivered" ? why : ""}.{str(r.note) ? ` ${r.note as string}` : ""}
            <Agreement
              item={r}
              document={props.document}
              youName={props.audience.you ? props.audience.name : undefined}
            />
          </li>
        );
      })}
    </ul>
  );
}

export function ReviewCard(props: { review: Obj; document: Obj; audience: Audience }): VNode {
  const r = props.review;
  const came = arr(r.participants)
    .filter((p) => p.attended === true)
    .map((p) => personText(p.person, props.document))
    .filter((x): x is string => x !== undefined);
  const changes = strings(r.changesAgreed);
  return (
    <div class="card">
      <h3>Review on {formatDate(r.heldOn) ?? "a date not recorded"}</h3>
      <Facts
        rows={[
          ["Who came", came.length > 0 ? came.join("; ") : undefined],
          ["What worked", str(r.whatWorked)],
          ["What did not work", str(r.whatDidNotWork)],
          ["What was decided", codeText("review-decisions", r.decision)],
        ]}
      />
      {changes.length > 0 ? (
        <>
          <p>
            <strong>Changes agreed</strong>
          </p>
          <ul>
            {changes.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      ) : null}
      <Agreement item={r} document={props.document} youName={props.audience.you ? props.audience.name : undefined} />
    </div>
  );
}

const SAID_BY: Record<string, string> = {
  child: "NAME",
  "young-person": "NAME",
  "parent-carer": "NAME's family",
  professional: "A professional",
  advocate: "An advocate",
};

/** Voice statements the author agreed to share, newest first. */
export function VoiceList(props: { document: Obj; audience: Audience; only?: readonly string[] }): VNode | null {
  const statements = arr(props.document.voice)
    .filter((v) => v.consentToShare !== false && str(v.text))
    .filter((v) => !props.only || props.only.includes(String(v.authorRole)))
    .sort((a, b) => String(b.capturedOn ?? "").localeCompare(String(a.capturedOn ?? "")));
  if (statements.length === 0) return null;
  return (
    <>
      {statements.map((v) => {
        const ownWords = v.authorRole === "child" || v.authorRole === "young-person";
        const author =
          personText(v.author, props.document) ??
          (props.audience.you && ownWords
            ? "You"
            : (SAID_BY[String(v.authorRole)] ?? "Someone").replace("NAME", props.audience.name));
        const when = formatDate(v.capturedOn);
        return (
          <blockquote class="said" key={String(v.id)}>
            <p class="who">
              {author} said{str(v.topic) ? `, about “${v.topic}”` : ""}
              {when ? ` (${when})` : ""}:
            </p>
            <p>{v.text as string}</p>
          </blockquote>
        );
      })}
    </>
  );
}

export function KeyPeople(props: { document: Obj }): VNode | null {
  const people = arr(props.document.keyPeople);
  if (people.length === 0) return null;
  return (
    <ul>
      {people.map((k) => {
        const name = personText(k.person, props.document);
        const role = codeText("practitioner-roles", k.role);
        return (
          <li key={String(k.id)}>
            <strong>{[name, role && name !== role ? `(${role})` : undefined].filter(Boolean).join(" ")}</strong>
            {str(k.organisation) ? `, ${k.organisation as string}` : ""}
            {str(k.whatHasWorked) ? `. What works: ${k.whatHasWorked as string}` : ""}
          </li>
        );
      })}
    </ul>
  );
}

/** The layer of support now in force (the period with no end, else the latest). */
export function currentLayer(document: Obj): Obj | undefined {
  const layers = arr(document.layersOfSupport);
  return layers.find((l) => !(isObjLike(l.period) && str(l.period.end))) ?? layers.at(-1);
}

/** The next review: the latest review's nextReviewDue. */
export function nextReview(document: Obj): string | undefined {
  const due = arr(document.reviews)
    .map((r) => str(r.nextReviewDue))
    .filter((d): d is string => d !== undefined)
    .sort();
  return due.at(-1);
}
