// What a view is given besides the document: who is looking, and facts the document does not hold (who has read it,
// where a transfer stands). All optional and passed in as data, so the views stay pure functions.

/** One read of the child's records, as the family sees it: the organisation and role, never an account. */
export interface AccessLogFact {
  /** When (ISO date or instant). */
  at: string;
  /** Practitioner-role code or API role (e.g. "senco", "la-officer"). */
  role: string;
  /** The organisation's name, when known. */
  organisation?: string;
  /** Why, in words (e.g. "looked at the plan"). */
  purpose?: string;
}

/** Where a transfer of the child's records stands. */
export interface TransferFact {
  direction: "outgoing" | "incoming";
  /** prepared | sent | received | accepted | rejected | claimed | held | declined */
  status: string;
  /** The other setting or local authority, by name. */
  otherParty?: string;
  /** When it reached this status (ISO date or instant). */
  at?: string;
}

export interface ViewOptions {
  /** The viewer's role (spec/roles.ts), e.g. "parent-carer"; it changes how the page addresses the reader. */
  viewerRole?: string;
  /** The viewer's token subject: a stance they gave themselves reads "You agreed on …". */
  viewerSubject?: string;
  /** Today's date (YYYY-MM-DD) for ages and "in the last year"; default: the date the document was last updated. */
  today?: string;
  /** Reads of the child's records; shown as "who has read this plan in the last year". */
  accessLog?: readonly AccessLogFact[];
  /** Transfers of the child's records. */
  transfers?: readonly TransferFact[];
}
