/** @jsxImportSource preact */
// The classroom view of an ISP: one printed A4 page for a class or supply teacher. What I need to know, what I need
// to do, the key adjustments, what the child says helps, and who to ask. Nothing a teacher does not need.
import type { ViewOptions } from "./facts.ts";
import { classroomItems } from "./classroom-filter.ts";
import { AdjustmentList } from "./isp-parts.tsx";
import { Page, renderPage } from "./page.tsx";
import { personText } from "./people.ts";
import { codeText, firstName, formatDate, fullName, isObj, scheduleText, str, type Obj } from "./text.ts";

/** Provision that happens in class or that the class teacher gives. */
function inClass(p: Obj): boolean {
  const by = isObj(p.deliveredBy) ? p.deliveredBy : {};
  return p.location === "mainstream-classroom" || p.provisionType === "adaptive-teaching" || by.role === "teacher";
}

/** The classroom view of an ISP as a complete HTML page. */
export function renderClassroomView(document: unknown, _options: ViewOptions = {}): string {
  const doc: Obj = isObj(document) ? document : {};
  const name = firstName(doc.child);
  const child = isObj(doc.child) ? doc.child : {};
  const legal = fullName(child.legalName);
  const summary = isObj(doc.classroomSummary) ? doc.classroomSummary : {};
  const barriers = classroomItems(doc, "barriers");
  const provision = classroomItems(doc, "provision");
  const adjustments = classroomItems(doc, "reasonableAdjustments");
  const people = classroomItems(doc, "keyPeople");
  const voice = classroomItems(doc, "voice").filter(
    (v) => v.consentToShare === true && (v.authorRole === "child" || v.authorRole === "young-person"),
  );
  const strengths = classroomItems(doc, "strengths");
  const setting = isObj(doc.owner) ? str(doc.owner.name) : undefined;
  const title = `${name} in class`;
  const updated =
    formatDate(summary.updatedOn) ?? formatDate(isObj(doc.provenance) ? doc.provenance.updatedAt : undefined);
  return renderPage(
    <Page
      title={title}
      banner={`For class and supply teachers${setting ? ` at ${setting}` : ""}`}
      kind="classroom"
      footer={
        <p>
          One page from {name}'s support plan{updated ? `, as of ${updated}` : ""}. Please do not copy it or take it out
          of school.
        </p>
      }
    >
      <h1>
        {title}
        {preferredDiffers(legal, name) ? ` (${legal})` : ""}
      </h1>
      <section aria-labelledby="know-h">
        <h2 id="know-h">What I need to know</h2>
        {str(summary.needToKnow) ? (
          <p>{summary.needToKnow as string}</p>
        ) : (
          <ul>
            {barriers.map((b) => (
              <li key={String(b.id)}>
                <strong>{codeText("areas-of-development", b.areaOfDevelopment)}:</strong> {String(b.description ?? "")}
              </li>
            ))}
          </ul>
        )}
        {strengths.length > 0 ? (
          <p>
            <strong>{name} is good at:</strong> {strengths.map((s) => String(s.description ?? "")).join(" ")}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="do-h">
        <h2 id="do-h">What I need to do</h2>
        {str(summary.needToDo) ? <p>{summary.needToDo as string}</p> : null}
        <ul>
          {provision.filter(inClass).map((p) => (
            <li key={String(p.id)}>
              <strong>{str(p.title) ?? codeText("provision-types", p.provisionType)}</strong>
              {str(p.whatHasWorked)
                ? `: ${p.whatHasWorked as string}`
                : str(p.description)
                  ? `: ${p.description as string}`
                  : ""}
            </li>
          ))}
          {provision
            .filter((p) => !inClass(p))
            .map((p) => (
              <li key={String(p.id)}>
                {name} goes to <strong>{str(p.title) ?? codeText("provision-types", p.provisionType)}</strong>
                {scheduleText(p.frequency, p.sessionLengthMinutes)
                  ? ` (${scheduleText(p.frequency, p.sessionLengthMinutes)})`
                  : ""}
                . Please let {name} go.
              </li>
            ))}
        </ul>
      </section>
      {adjustments.length > 0 ? (
        <section aria-labelledby="adjust-h">
          <h2 id="adjust-h">Key adjustments</h2>
          <AdjustmentList adjustments={adjustments} />
        </section>
      ) : null}
      {voice.length > 0 ? (
        <section aria-labelledby="voice-h">
          <h2 id="voice-h">In {name}'s words</h2>
          {voice.slice(0, 1).map((v) => (
            <p key={String(v.id)} class="said">
              “{String(v.text ?? "")}”
            </p>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="ask-h">
        <h2 id="ask-h">Who to ask</h2>
        <ul>
          {people.map((k) => {
            const who = personText(k.person, doc);
            const role = codeText("practitioner-roles", k.role);
            return (
              <li key={String(k.id)}>
                {[who, role && who !== role ? `(${role})` : undefined].filter(Boolean).join(" ") || "A key person"}
              </li>
            );
          })}
          {people.length === 0 ? <li>The SENCO{setting ? ` at ${setting}` : ""}.</li> : null}
        </ul>
      </section>
    </Page>,
  );
}

function preferredDiffers(legal: string | undefined, name: string): boolean {
  return legal !== undefined && !legal.startsWith(`${name} `);
}
