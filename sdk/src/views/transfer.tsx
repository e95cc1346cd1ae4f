/** @jsxImportSource preact */
// Where a transfer of the child's records stands, in words.
import type { VNode } from "preact";
import type { TransferFact } from "./facts.ts";
import { formatDate } from "./text.ts";

const OUT: Record<string, string> = {
  prepared: "The plan is ready to send",
  sent: "The plan has been sent",
  received: "The plan has arrived",
  accepted: "The plan has arrived and been accepted",
  claimed: "The council has picked up the plan",
  rejected: "The plan could not be accepted and is being sent again",
};

const IN: Record<string, string> = {
  accepted: "The plan came from",
  held: "The plan has arrived and is being checked. It came from",
  declined: "The plan was not taken in. It came from",
  rejected: "The plan could not be taken in. It came from",
};

export function Transfers(props: { transfers: readonly TransferFact[] | undefined }): VNode | null {
  const list = props.transfers ?? [];
  if (list.length === 0) return null;
  return (
    <ul>
      {list.map((t, i) => {
        const when = formatDate(t.at);
        const text =
          t.direction === "incoming"
            ? `${IN[t.status] ?? "The plan came from"} ${t.otherParty ?? "another school or council"}`
            : `${OUT[t.status] ?? "The plan is on its way"}${t.otherParty ? ` to ${t.otherParty}` : ""}`;
        return (
          <li key={i}>
            {text}
            {when ? ` (${when})` : ""}.
          </li>
        );
      })}
    </ul>
  );
}
