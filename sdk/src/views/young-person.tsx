/** @jsxImportSource preact */
// The young-person view of an ISP: the same plan, addressed to the child or young person ("you"), in shorter
// sentences. From 16, the young person holds the rights themselves, and the page says so.
import { AccessLog } from "./access-log.tsx";
import type { ViewOptions } from "./facts.ts";
import { Provenance, Sections, todayFor, viewerOf, withGlossary, type SectionList } from "./family.tsx";
import { Agreement, Viewer } from "./agreement.tsx";
import { currentLayer, DeliveryList, nextReview, OutcomeCard, VoiceList, type Audience } from "./isp-parts.tsx";
import { Facts, Page, renderPage } from "./page.tsx";
import { personText } from "./people.ts";
import { Transfers } from "./transfer.tsx";
import { ageOn, arr, capitalise, codeText, firstName, formatDate, isObj, scheduleText, str, type Obj } from "./text.ts";

function youSections(doc: Obj, name: string, opts: ViewOptions, today: string, adult: boolean): SectionList {
  const audience: Audience = { name, you: true };
  const setting = isObj(doc.owner) ? (str(doc.owner.name) ?? "your school") : "your school";
  const layer = currentLayer(doc);
  const due = nextReview(doc);
  return [
    {
      id: "good",
      title: "What you are good at",
      body: (
        <ul>
          {arr(doc.strengths).map((s) => (
            <li key={String(s.id)}>{String(s.description ?? "")}</li>
          ))}
        </ul>
      ),
    },
    {
      id: "hard",
      title: "What is hard for you",
      body: (
        <>
          {arr(doc.barriers).map((b) => (
            <div class="card" key={String(b.id)}>
              <h3>{codeText("areas-of-development", b.areaOfDevelopment) ?? "Something that is hard"}</h3>
              <p>{String(b.description ?? "")}</p>
            </div>
          ))}
        </>
      ),
    },
    {
      id: "help",
      title: "The help you get",
      body: (
        <>
          {layer ? (
            <p>
              You get <strong>{codeText("layers-of-support", layer.layer)}</strong> support at {setting}.
            </p>
          ) : null}
          {arr(doc.provision).map((p) => {
            const by = isObj(p.deliveredBy) ? p.deliveredBy : {};
            return (
              <div class="card" key={String(p.id)}>
                <h3>{str(p.title) ?? codeText("provision-types", p.provisionType)}</h3>
                <Facts
                  rows={[
                    ["Who helps", personText(by.practitioner, doc) ?? codeText("practitioner-roles", by.role)],
                    ["How often", scheduleText(p.frequency, p.sessionLengthMinutes)],
                    ["Where", codeText("delivery-locations", p.location)],
                  ]}
                />
                <Agreement item={p} document={doc} youName={name} />
              </div>
            );
          })}
          {arr(doc.reasonableAdjustments).length > 0 ? (
            <>
              <h3>Things that are changed for you</h3>
              <ul>
                {arr(doc.reasonableAdjustments).map((a) => (
                  <li key={String(a.id)}>{String(a.description ?? "")}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ),
    },
    {
      id: "hope",
      title: "What we hope for you",
      body: (
        <>
          {arr(doc.outcomes).map((o) => (
            <OutcomeCard key={String(o.id)} outcome={o} audience={audience} />
          ))}
        </>
      ),
    },
    {
      id: "going",
      title: "How it is going",
      body:
        arr(doc.deliveryRecords).length > 0 ? (
          <DeliveryList document={doc} audience={audience} />
        ) : (
          <p>There is nothing to report yet.</p>
        ),
    },
    {
      id: "said",
      title: "What you said",
      body: (
        <>
          <VoiceList document={doc} audience={audience} only={["child", "young-person"]} />
          <p>You can add your views to your plan at any time. You can say if you agree with each part.</p>
        </>
      ),
    },
    {
      id: "next",
      title: "Your next review",
      body: (
        <>
          <p>
            {due ? `Your next review is by ${formatDateSafe(due)}.` : "The date of your next review is not set yet."} It
            is a meeting about your plan. You can come. You can say what helps and what does not.
          </p>
          {adult ? (
            <p>
              You are 16 or over. You can make the choices about your plan yourself. Your family can still help if you
              want them to.
            </p>
          ) : (
            <p>Your family will come too.</p>
          )}
        </>
      ),
    },
    {
      id: "read",
      title: "Who has read your plan",
      body: <AccessLog log={opts.accessLog} today={today} you />,
    },
    ...((opts.transfers?.length ?? 0) > 0
      ? [{ id: "move", title: "Moving on", body: <Transfers transfers={opts.transfers} /> }]
      : []),
  ];
}

const formatDateSafe = (d: string) => formatDate(d) ?? d;

/** The young-person view of an ISP as a complete HTML page. */
export function renderYoungPersonView(document: unknown, options: ViewOptions = {}): string {
  const doc: Obj = isObj(document) ? document : {};
  const name = firstName(doc.child);
  const today = todayFor(doc, options);
  const age = isObj(doc.child) ? ageOn(doc.child.dateOfBirth, today) : undefined;
  const adult = age !== undefined && age >= 16;
  const title = `${capitalise(name)}, this is your plan`;
  const opening = (
    <>
      <h1>{title}</h1>
      <p class="lede">It says what help you get, and why. It is written with you and your family.</p>
    </>
  );
  const sections = withGlossary(youSections(doc, name, options, today, adult), "Words in your plan", opening);
  return renderPage(
    <Viewer.Provider value={viewerOf(options)}>
      <Page title={title} banner="Your support plan" kind="young-person" footer={<Provenance doc={doc} />}>
        {opening}
        <Sections sections={sections} />
      </Page>
    </Viewer.Provider>,
  );
}
