/** @jsxImportSource preact */
// Whether the family agrees: `familyAgreement` entries on provision items, reviews and delivery records (read
// defensively: absent, empty or odd entries simply show nothing).
import { createContext, type VNode } from "preact";
import { useContext } from "preact/hooks";
import { personText } from "./people.ts";
import { arr, codeTextInSentence, formatDate, isObj, str, type Obj } from "./text.ts";

/** Who is reading the page (token subject and role): their own stances read "You agreed on …". */
export const Viewer = createContext<{ subject?: string; role?: string }>({});

/** The person type a viewer's own stance is recorded as (sdk/src/documents/agreement.ts). */
const VIEWER_PERSON_TYPE: Record<string, string> = { "parent-carer": "parent-carer", "young-person": "young-person" };

/** The viewer's own stance, in the past tense: "You agreed on 3 March 2030. You said: “…”" */
const OWN: Record<string, string> = {
  agrees: "You agreed",
  "partly-agrees": "You agreed with some of it",
  disagrees: "You did not agree",
};

function isViewers(entry: Obj, viewer: { subject?: string; role?: string }): boolean {
  if (!viewer.subject || !viewer.role || !isObj(entry.by)) return false;
  return entry.by.id === viewer.subject && entry.by.personType === VIEWER_PERSON_TYPE[viewer.role];
}

/** For a stance staff wrote down, and how it reached them: "Staff wrote this down for the family (phone)." */
function recordedFor(entry: Obj): string | undefined {
  if (!isObj(entry.recordedBy)) return undefined;
  const via = codeTextInSentence("contact-methods", entry.givenVia);
  return via ? `Staff wrote this down for the family (${via}).` : "Staff wrote this down for the family.";
}

const STANCE: Record<string, string> = {
  agrees: "agrees",
  "partly-agrees": "partly agrees",
  disagrees: "does not agree",
  "not-yet-asked": "has not been asked yet",
};

/** Second-person wording for the young-person view. */
const STANCE_YOU: Record<string, string> = {
  agrees: "agree",
  "partly-agrees": "partly agree",
  disagrees: "do not agree",
  "not-yet-asked": "have not been asked yet",
};

export function agreementsOf(item: Obj): Obj[] {
  return arr(item.familyAgreement).filter((a) => str(a.stance) !== undefined && STANCE[a.stance as string]);
}

/** One line per entry: "Siobhan Brennan (mother) agrees (3 March 2030): reason." */
export function Agreement(props: { item: Obj; document: Obj; youName?: string }): VNode | null {
  const viewer = useContext(Viewer);
  const entries = agreementsOf(props.item);
  if (entries.length === 0) return null;
  return (
    <div class="agree">
      <p>
        <strong>{props.youName ? "What you and your family think" : "What the family thinks"}</strong>
      </p>
      {entries.map((a, i) => {
        const when = formatDate(a.recordedOn);
        const reason = str(a.reason);
        const recorded = recordedFor(a);
        if (isViewers(a, viewer) && OWN[a.stance as string])
          return (
            <p key={i}>
              {OWN[a.stance as string]}
              {when ? ` on ${when}` : ""}.{reason ? ` You said: “${reason}”` : ""}
              {recorded ? ` ${recorded}` : ""}
            </p>
          );
        const who = personText(a.by, props.document) ?? "The family";
        const isYou = props.youName !== undefined && who === props.youName;
        const stance = isYou ? STANCE_YOU[a.stance as string] : STANCE[a.stance as string];
        return (
          <p key={i}>
            {isYou ? "You" : who} {stance}
            {when ? ` (${when})` : ""}
            {reason ? `: “${reason}”` : "."}
            {recorded ? ` ${recorded}` : ""}
          </p>
        );
      })}
    </div>
  );
}
