/** @jsxImportSource preact */
// Whether the family agrees: `familyAgreement` entries on provision items, reviews and delivery records (read
// defensively: absent, empty or odd entries simply show nothing).
import type { VNode } from "preact";
import { personText } from "./people.ts";
import { arr, formatDate, str, type Obj } from "./text.ts";

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
  const entries = agreementsOf(props.item);
  if (entries.length === 0) return null;
  return (
    <div class="agree">
      <p>
        <strong>{props.youName ? "What you and your family think" : "What the family thinks"}</strong>
      </p>
      {entries.map((a, i) => {
        const who = personText(a.by, props.document) ?? "The family";
        const isYou = props.youName !== undefined && who === props.youName;
        const stance = isYou ? STANCE_YOU[a.stance as string] : STANCE[a.stance as string];
        const when = formatDate(a.recordedOn);
        const reason = str(a.reason);
        return (
          <p key={i}>
            {isYou ? "You" : who} {stance}
            {when ? ` (${when})` : ""}
            {reason ? `: “${reason}”` : "."}
          </p>
        );
      })}
    </div>
  );
}
