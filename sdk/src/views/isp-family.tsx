/** @jsxImportSource preact */
// The family view of an ISP: the child as a person first (the one-page-profile shape), then the plan in plain English.
import type { VNode } from "preact";
import { AccessLog } from "./access-log.tsx";
import type { ViewOptions } from "./facts.ts";
import {
  AdjustmentList,
  currentLayer,
  DeliveryList,
  KeyPeople,
  nextReview,
  OutcomeCard,
  ProvisionCard,
  ReviewCard,
  VoiceList,
  type Audience,
} from "./isp-parts.tsx";
import { Facts } from "./page.tsx";
import { Transfers } from "./transfer.tsx";
import { arr, codeText, formatDate, isObj, periodText, str, type Obj } from "./text.ts";

export function ispFamilySections(doc: Obj, name: string, settingName: string, opts: ViewOptions, today: string) {
  const audience: Audience = { name, you: false };
  const parent = opts.viewerRole === "parent-carer";
  const strengths = arr(doc.strengths);
  const barriers = arr(doc.barriers);
  const provision = arr(doc.provision);
  const adjustments = arr(doc.reasonableAdjustments);
  const outcomes = arr(doc.outcomes);
  const reviews = arr(doc.reviews);
  const layer = currentLayer(doc);
  const due = nextReview(doc);
  const worked = [
    ...provision.map((p) => str(p.whatHasWorked)),
    ...arr(doc.keyPeople).map((k) => str(k.whatHasWorked)),
  ].filter((x): x is string => x !== undefined);
  const child = isObj(doc.child) ? doc.child : {};
  const needs = arr(child.communicationNeeds);
  const transition = isObj(doc.transitionPlan) ? doc.transitionPlan : undefined;
  const nextSetting = transition && isObj(transition.nextSetting) ? str(transition.nextSetting.name) : undefined;
  const bases = arr(doc.inclusionBaseAccess);

  const sections: { id: string; title: string; body: VNode }[] = [
    {
      id: "about",
      title: `About ${name}`,
      body: (
        <>
          <h3>What people like and admire about {name}</h3>
          {strengths.length > 0 ? (
            <ul>
              {strengths.map((s) => (
                <li key={String(s.id)}>{String(s.description ?? "")}</li>
              ))}
            </ul>
          ) : (
            <p>The plan does not say yet. You can tell the school.</p>
          )}
          <h3>What is important to {name}</h3>
          <VoiceList document={doc} audience={audience} only={["child", "young-person"]} />
          {arr(doc.voice).some((v) => v.authorRole === "child" || v.authorRole === "young-person") ? null : (
            <p>The plan does not have {name}'s own words yet.</p>
          )}
          <h3>How best to support {name}</h3>
          {worked.length + needs.length > 0 ? (
            <ul>
              {needs.map((n, i) => (
                <li key={`n${i}`}>{String(n.description ?? "")}</li>
              ))}
              {worked.map((w, i) => (
                <li key={`w${i}`}>{w}</li>
              ))}
            </ul>
          ) : (
            <p>The plan does not say yet.</p>
          )}
        </>
      ),
    },
    {
      id: "hard",
      title: `What is hard for ${name}, and why it matters`,
      body: (
        <>
          {layer ? (
            <p>
              {name} gets <strong>{codeText("layers-of-support", layer.layer)}</strong> support
              {periodText(layer.period) ? ` ${periodText(layer.period)}` : ""}.
              {str(layer.reason) ? ` ${layer.reason}` : ""}
            </p>
          ) : null}
          {barriers.map((b) => (
            <div class="card" key={String(b.id)}>
              <h3>{codeText("areas-of-development", b.areaOfDevelopment) ?? "A difficulty"}</h3>
              <p>{String(b.description ?? "")}</p>
              <Facts rows={[["Noticed", formatDate(b.identifiedOn)]]} />
            </div>
          ))}
        </>
      ),
    },
    {
      id: "do",
      title: `What ${settingName} will do`,
      body: (
        <>
          {provision.map((p) => (
            <ProvisionCard key={String(p.id)} item={p} document={doc} audience={audience} />
          ))}
          {adjustments.length > 0 ? (
            <>
              <h3>Everyday adjustments</h3>
              <AdjustmentList adjustments={adjustments} />
            </>
          ) : null}
          {bases.map((b) => (
            <div class="card" key={String(b.id)}>
              <h3>Time in the inclusion base</h3>
              <Facts
                rows={[
                  ["Kind", codeText("inclusion-base-models", b.model)],
                  [
                    "Time in class",
                    typeof b.plannedMainstreamPercent === "number"
                      ? `About ${b.plannedMainstreamPercent} out of every 100 lessons in the main class`
                      : undefined,
                  ],
                  ["The plan", str(b.participationPlan)],
                  ["Next check", formatDate(b.reviewOn)],
                ]}
              />
            </div>
          ))}
        </>
      ),
    },
    {
      id: "hope",
      title: "What we hope will change, and how we will know",
      body: (
        <>
          {outcomes.map((o) => (
            <OutcomeCard key={String(o.id)} outcome={o} audience={audience} />
          ))}
        </>
      ),
    },
    {
      id: "going",
      title: "How it is going",
      body: (
        <>
          <DeliveryList document={doc} audience={audience} />
          {reviews.map((r) => (
            <ReviewCard key={String(r.id)} review={r} document={doc} audience={audience} />
          ))}
          {arr(doc.deliveryRecords).length + reviews.length === 0 ? <p>There is nothing to report yet.</p> : null}
        </>
      ),
    },
    {
      id: "next",
      title: "The next review, and how you take part",
      body: (
        <>
          <p>
            {due ? (
              <>
                The next review is due by <strong>{formatDate(due)}</strong>.
              </>
            ) : (
              "The date of the next review is not set yet."
            )}
          </p>
          <p>
            {parent ? "You" : `${name}'s family`} will be asked to come. {parent ? "You" : "They"} can say what is going
            well and what is not. {parent ? "You" : "They"} can bring someone for support. {name} can take part too, in
            the way that suits {name} best.
          </p>
          <p>
            {parent ? "You" : "The family"} can add views to this plan at any time, and say whether{" "}
            {parent ? "you" : "they"} agree with each part of it.
          </p>
        </>
      ),
    },
    {
      id: "said",
      title: "What the family and others said",
      body: (
        <>
          <VoiceList document={doc} audience={audience} only={["parent-carer", "advocate", "professional", "other"]} />
          {arr(doc.voice).some((v) => !["child", "young-person"].includes(String(v.authorRole))) ? null : (
            <p>The plan does not have the family's views yet.</p>
          )}
        </>
      ),
    },
    {
      id: "people",
      title: "Who to talk to",
      body: arr(doc.keyPeople).length > 0 ? <KeyPeople document={doc} /> : <p>Ask {settingName}.</p>,
    },
    {
      id: "read",
      title: "Who has read this plan in the last year",
      body: <AccessLog log={opts.accessLog} today={today} you={parent} />,
    },
  ];
  if (nextSetting || (opts.transfers?.length ?? 0) > 0) {
    sections.push({
      id: "move",
      title: "Moving on",
      body: (
        <>
          {nextSetting ? (
            <p>
              {name} is due to move to {nextSetting}
              {formatDate(transition!.plannedMoveOn) ? ` on ${formatDate(transition!.plannedMoveOn)}` : ""}.
            </p>
          ) : null}
          <Transfers transfers={opts.transfers} />
        </>
      ),
    });
  }
  return sections;
}
