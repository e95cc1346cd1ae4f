/** @jsxImportSource preact */
// The family view of an EHCP (the new SPP-based template) and of a legacy EHCP (sections A to K, 2014 rules).
import type { VNode } from "preact";
import { AccessLog } from "./access-log.tsx";
import { Agreement } from "./agreement.tsx";
import type { ViewOptions } from "./facts.ts";
import { legalTag, type Audience, VoiceList } from "./isp-parts.tsx";
import { Facts } from "./page.tsx";
import { Transfers } from "./transfer.tsx";
import { arr, capitalise, codeText, formatDate, isObj, periodText, scheduleText, str, type Obj } from "./text.ts";

type SectionList = { id: string; title: string; body: VNode }[];

function providerName(item: Obj): string | undefined {
  return isObj(item.provider) ? str(item.provider.name) : undefined;
}

/** A provision item of an EHCP or a legacy EHCP. */
function ItemCard(props: { item: Obj; document: Obj; law?: boolean }): VNode {
  const i = props.item;
  const who = codeText("practitioner-roles", isObj(i.deliveredBy) ? i.deliveredBy.role : undefined);
  return (
    <div class={props.law ? "card law" : "card"}>
      {props.law ? legalTag("special-educational-provision") : null}
      <p>{String(i.description ?? "")}</p>
      <Facts
        rows={[
          ["Who", [who, providerName(i) && `from ${providerName(i)}`].filter(Boolean).join(" ") || undefined],
          ["How often", scheduleText(i.frequency, i.sessionLengthMinutes)],
          [
            "Group",
            typeof i.groupSize === "number" ? (i.groupSize === 1 ? "One to one" : `Up to ${i.groupSize}`) : undefined,
          ],
          ["When", periodText(i.period) ? capitalise(periodText(i.period)!) : undefined],
        ]}
      />
      <Agreement item={i} document={props.document} />
    </div>
  );
}

function ReviewItem(props: { review: Obj; document: Obj }): VNode {
  const r = props.review;
  return (
    <div class="card">
      <h3>Review on {formatDate(r.heldOn) ?? "a date not recorded"}</h3>
      <Facts
        rows={[
          ["What was decided", codeText("review-decisions", r.decision)],
          ["The family was told", formatDate(r.decisionNotifiedOn)],
          ["Notes", str(r.note)],
        ]}
      />
      <Agreement item={r} document={props.document} />
    </div>
  );
}

const DISAGREE = (
  <p>
    If you do not agree with a decision in this plan, talk to the council first. You can ask for mediation. You can then
    appeal to the tribunal. A SENDIASS adviser can help you for free.
  </p>
);

function common(opts: ViewOptions, today: string, parent: boolean): SectionList {
  return [
    {
      id: "read",
      title: "Who has read this plan in the last year",
      body: <AccessLog log={opts.accessLog} today={today} you={parent} />,
    },
    ...((opts.transfers?.length ?? 0) > 0
      ? [{ id: "move", title: "Moving on", body: <Transfers transfers={opts.transfers} /> }]
      : []),
  ];
}

export function ehcpFamilySections(doc: Obj, name: string, opts: ViewOptions, today: string): SectionList {
  const audience: Audience = { name, you: false };
  const parent = opts.viewerRole === "parent-carer";
  const packages = arr(doc.packages);
  const placement = isObj(doc.namedPlacement) ? doc.namedPlacement : undefined;
  const setting = placement && isObj(placement.setting) ? placement.setting : undefined;
  const schedule = isObj(doc.reviewSchedule) ? doc.reviewSchedule : {};
  const la = isObj(doc.owner) ? str(doc.owner.name) : undefined;
  const disputes = arr(doc.disputes);
  return [
    {
      id: "about",
      title: `About ${name}`,
      body: (
        <>
          <VoiceList document={doc} audience={audience} />
          {arr(doc.voice).length === 0 ? <p>The plan does not have {name}'s views or the family's views yet.</p> : null}
        </>
      ),
    },
    {
      id: "help",
      title: `The help ${name} will get`,
      body: (
        <>
          {packages.map((p, i) => (
            <p key={i}>
              This plan uses a Specialist Provision Package:{" "}
              <strong>{isObj(p.spp) ? (str(p.spp.title) ?? "a national package") : "a national package"}</strong>
              {formatDate(p.decidedOn) ? `, chosen on ${formatDate(p.decidedOn)}` : ""}.
            </p>
          ))}
          {arr(doc.guaranteedProvision).map((g) => (
            <ItemCard key={String(g.id)} item={g} document={doc} law />
          ))}
        </>
      ),
    },
    {
      id: "hope",
      title: "What we hope will change",
      body: (
        <ul>
          {arr(doc.expectedOutcomes).map((o) => (
            <li key={String(o.id)}>
              {String(o.description ?? "")}
              {formatDate(o.byDate) ? ` (by ${formatDate(o.byDate)})` : ""}
            </li>
          ))}
        </ul>
      ),
    },
    ...(arr(doc.healthProvision).length > 0
      ? [
          {
            id: "health",
            title: "Health care",
            body: (
              <>
                {arr(doc.healthProvision).map((h) => (
                  <ItemCard key={String(h.id)} item={h} document={doc} />
                ))}
              </>
            ),
          },
        ]
      : []),
    ...(arr(doc.socialCareProvision).length > 0
      ? [
          {
            id: "care",
            title: "Social care",
            body: (
              <>
                {arr(doc.socialCareProvision).map((h) => (
                  <ItemCard key={String(h.id)} item={h} document={doc} />
                ))}
              </>
            ),
          },
        ]
      : []),
    {
      id: "school",
      title: "School or college",
      body: setting ? (
        <p>
          {name} will go to <strong>{str(setting.name) ?? "the named school"}</strong>
          {formatDate(placement!.startsOn) ? ` from ${formatDate(placement!.startsOn)}` : ""}.
        </p>
      ) : (
        <p>The school or college is not named yet.</p>
      ),
    },
    {
      id: "next",
      title: "Reviews, and how you take part",
      body: (
        <>
          {arr(doc.reviews).map((r) => (
            <ReviewItem key={String(r.id)} review={r} document={doc} />
          ))}
          <p>
            {formatDate(schedule.nextReviewDue)
              ? `The next review is due by ${formatDate(schedule.nextReviewDue)}.`
              : "The date of the next review is not set yet."}{" "}
            {parent ? "You" : "The family"} will be asked for views before it and asked to come. {name} can take part
            too.
          </p>
          {disputes.map((d) => (
            <p key={String(d.id)}>
              A decision of {formatDate(d.decisionDate) ?? "an earlier date"} was challenged
              {str(d.outcome) ? `. Result: ${codeText("dispute-outcomes", d.outcome) ?? ""}` : ""}.
            </p>
          ))}
          {DISAGREE}
        </>
      ),
    },
    {
      id: "people",
      title: "Who to talk to",
      body: <p>The SEND team at {la ? `${la} council` : "your council"} looks after this plan.</p>,
    },
    ...common(opts, today, parent),
  ];
}

const MIGRATION: Record<string, string> = {
  "legacy-active": "This plan was made under the 2014 rules. It stays in force for now.",
  "retained-to-end-of-phase":
    "This plan was made under the 2014 rules. It stays in force until NAME moves on to the next stage of school.",
  "special-school-protected": "This plan was made under the 2014 rules. NAME's special school place is protected.",
  "transition-assessment-due":
    "This plan was made under the 2014 rules. The council will check what help NAME needs under the new rules.",
  "opted-in": "The family chose to move this plan to the new system.",
  "transition-assessed": "The council has checked what help NAME needs under the new rules.",
  "new-ehcp-issued": "A new EHCP has been made under the new rules.",
  "moving-to-isp": "NAME's help will move to a support plan (ISP) from the school.",
  ceased: "This plan has ended.",
};

export function legacyFamilySections(doc: Obj, name: string, opts: ViewOptions, today: string): SectionList {
  const audience: Audience = { name, you: false };
  const parent = opts.viewerRole === "parent-carer";
  const section = (key: string, list: string) => (isObj(doc[key]) ? arr((doc[key] as Obj)[list]) : []);
  const migration = isObj(doc.migration) ? doc.migration : undefined;
  const placement = isObj(doc.sectionI) ? doc.sectionI : undefined;
  const setting = placement && isObj(placement.setting) ? str(placement.setting.name) : undefined;
  const reviews = arr(doc.reviews);
  const due = reviews
    .map((r) => str(r.nextReviewDue))
    .filter(Boolean)
    .sort()
    .at(-1);
  const needs = (list: Obj[]) => (
    <ul>
      {list.map((n) => (
        <li key={String(n.id)}>{String(n.description ?? "")}</li>
      ))}
    </ul>
  );
  const items = (list: Obj[], law: boolean) => (
    <>
      {list.map((i) => (
        <ItemCard key={String(i.id)} item={i} document={doc} law={law} />
      ))}
    </>
  );
  const out: SectionList = [
    {
      id: "about",
      title: `About ${name}`,
      body: (
        <>
          {migration && MIGRATION[String(migration.state)] ? (
            <p class="lede">{MIGRATION[String(migration.state)]!.replace(/NAME/g, name)}</p>
          ) : null}
          <VoiceList document={{ ...doc, voice: section("sectionA", "voice") }} audience={audience} />
        </>
      ),
    },
    { id: "needs", title: `What ${name} needs help with`, body: needs(section("sectionB", "needs")) },
    {
      id: "hope",
      title: "What we hope will change",
      body: (
        <ul>
          {section("sectionE", "outcomes").map((o) => (
            <li key={String(o.id)}>
              {String(o.description ?? "")}
              {formatDate(o.byDate) ? ` (by ${formatDate(o.byDate)})` : ""}
            </li>
          ))}
        </ul>
      ),
    },
    { id: "help", title: `The help ${name} will get at school`, body: items(section("sectionF", "items"), true) },
  ];
  const health = [...section("sectionC", "needs")];
  const healthItems = section("sectionG", "items");
  if (health.length + healthItems.length > 0)
    out.push({
      id: "health",
      title: "Health",
      body: (
        <>
          {needs(health)}
          {items(healthItems, false)}
        </>
      ),
    });
  const care = section("sectionD", "needs");
  const careItems = [...section("sectionH1", "items"), ...section("sectionH2", "items")];
  if (care.length + careItems.length > 0)
    out.push({
      id: "care",
      title: "Social care",
      body: (
        <>
          {needs(care)}
          {items(careItems, false)}
        </>
      ),
    });
  out.push(
    {
      id: "school",
      title: "School or college",
      body: setting ? (
        <p>
          {name} goes to <strong>{setting}</strong>.
        </p>
      ) : (
        <p>The school or college is not named in the plan.</p>
      ),
    },
    {
      id: "next",
      title: "Reviews, and how you take part",
      body: (
        <>
          {reviews.map((r) => (
            <ReviewItem key={String(r.id)} review={r} document={doc} />
          ))}
          <p>
            {due ? `The next review is due by ${formatDate(due)}.` : "The date of the next review is not set yet."}{" "}
            {parent ? "You" : "The family"} will be asked for views before it and asked to come.
          </p>
          {DISAGREE}
        </>
      ),
    },
    {
      id: "advice",
      title: "Advice used to write this plan",
      body: (
        <ul>
          {section("sectionK", "advice").map((a) => (
            <li key={String(a.id)}>
              {String(a.title ?? "Advice")}
              {formatDate(a.date) ? ` (${formatDate(a.date)})` : ""}
            </li>
          ))}
        </ul>
      ),
    },
    ...common(opts, today, parent),
  );
  return out;
}
