/* generated from schemas/ by npm run generate — do not edit */
// The search filters (spec/search-filters.ts): the facts stored with every version and how each is read from a
// document, and the filters over them with their operator, the kinds they apply to and, where the value is a code,
// the codes per kind (resolved from schemas/).

export const SEARCH_FACTS = {
  "childId": {"column":"child_id","type":"text","from":{"paths":[["child","personId"],["childId"]]},"description":"The child record the document is about."},
  "identifiers": {"column":"identifiers","type":"text[]","from":{"derive":"child-identifiers"},"description":"The child's UPN, ULN and NHS number, normalised (`upn:…`, `uln:…`, `nhs:…`)."},
  "settingUrn": {"column":"setting_urn","type":"text","from":{"paths":[["owner","urn"],["namedPlacement","setting","urn"],["settingUrn"],["urn"]]},"description":"The setting that holds the record."},
  "laCode": {"column":"la_code","type":"text","from":{"paths":[["owner","laCode"],["laCode"],["namedPlacement","setting","laCode"]]},"description":"The responsible local authority."},
  "status": {"column":"status","type":"text","from":{"paths":[["status"]]},"description":"The record's status code."},
  "layer": {"column":"layer","type":"text","from":{"derive":"current-layer"},"description":"The plan's current layer of support (the open period, else the latest-starting one)."},
  "reviewDue": {"column":"review_due","type":"date","from":{"derive":"next-review-due"},"description":"When the next review is due: the EHCP's review schedule, else the latest review's next-review date."},
} as const;

export type FactName = keyof typeof SEARCH_FACTS;

export const SEARCH_FILTERS = [
  {"name":"childId","param":"filterChildId","fact":"childId","operator":"equals","kinds":["isp","ehcp","legacy-ehcp","development-profile"]},
  {"name":"upn","param":"upn","fact":"identifiers","operator":"contains","prefix":"upn","group":"identifier","kinds":["isp","ehcp","legacy-ehcp","development-profile","child","transfer"]},
  {"name":"uln","param":"uln","fact":"identifiers","operator":"contains","prefix":"uln","group":"identifier","kinds":["isp","ehcp","legacy-ehcp","development-profile","child","transfer"]},
  {"name":"nhsNumber","param":"nhsNumber","fact":"identifiers","operator":"contains","prefix":"nhs","group":"identifier","kinds":["isp","ehcp","legacy-ehcp","development-profile","child","transfer"]},
  {"name":"settingUrn","param":"settingUrn","fact":"settingUrn","operator":"equals","kinds":["isp","ehcp","legacy-ehcp","development-profile","child"]},
  {"name":"laCode","param":"laCode","fact":"laCode","operator":"equals","kinds":["ehcp","legacy-ehcp","child","setting"]},
  {"name":"status","param":"status","fact":"status","operator":"equals","kinds":["isp","ehcp","legacy-ehcp","development-profile","spp"],"codes":{"isp":["draft","active","under-review","closed"],"ehcp":["draft","issued","in-review","cessation-proposed","ceased"],"legacy-ehcp":["draft","issued","in-review","cessation-proposed","ceased"],"development-profile":[],"spp":["draft","consultation","published","retired"]}},
  {"name":"layer","param":"layer","fact":"layer","operator":"equals","kinds":["isp"],"codes":{"isp":["universal","targeted","targeted-plus","specialist"]}},
  {"name":"reviewDueBefore","param":"reviewDueBefore","fact":"reviewDue","operator":"before","kinds":["isp","ehcp","legacy-ehcp","development-profile"]},
] as const;

export type FilterName = (typeof SEARCH_FILTERS)[number]["name"];
export type FilterKind = (typeof SEARCH_FILTERS)[number]["kinds"][number];

/** The search filters of isp records (all combine with AND). */
export interface IspSearchFilters {
  /** Only records of this child. */
  childId?: string;
  /** Unique Pupil Number (13 characters; check letter verified). Exact match. */
  upn?: string;
  /** Unique Learner Number (10 digits; check digit verified). Exact match. */
  uln?: string;
  /** NHS number (10 digits, spaces allowed; modulus 11 check). Exact match after removing spaces. */
  nhsNumber?: string;
  /** Only records held by this setting (URN). */
  settingUrn?: string;
  /** Only records with this status code (the document type's status code list). */
  status?: "draft" | "active" | "under-review" | "closed";
  /** Only plans at this layer of support. */
  layer?: "universal" | "targeted" | "targeted-plus" | "specialist";
  /** Only plans whose next review is due before this date (exclusive). */
  reviewDueBefore?: string;
}

/** The search filters of ehcp records (all combine with AND). */
export interface EhcpSearchFilters {
  /** Only records of this child. */
  childId?: string;
  /** Unique Pupil Number (13 characters; check letter verified). Exact match. */
  upn?: string;
  /** Unique Learner Number (10 digits; check digit verified). Exact match. */
  uln?: string;
  /** NHS number (10 digits, spaces allowed; modulus 11 check). Exact match after removing spaces. */
  nhsNumber?: string;
  /** Only records held by this setting (URN). */
  settingUrn?: string;
  /** Only records of this local authority (three-digit LA code). */
  laCode?: string;
  /** Only records with this status code (the document type's status code list). */
  status?: "draft" | "issued" | "in-review" | "cessation-proposed" | "ceased";
  /** Only plans whose next review is due before this date (exclusive). */
  reviewDueBefore?: string;
}

/** The search filters of legacy-ehcp records (all combine with AND). */
export interface LegacyEhcpSearchFilters {
  /** Only records of this child. */
  childId?: string;
  /** Unique Pupil Number (13 characters; check letter verified). Exact match. */
  upn?: string;
  /** Unique Learner Number (10 digits; check digit verified). Exact match. */
  uln?: string;
  /** NHS number (10 digits, spaces allowed; modulus 11 check). Exact match after removing spaces. */
  nhsNumber?: string;
  /** Only records held by this setting (URN). */
  settingUrn?: string;
  /** Only records of this local authority (three-digit LA code). */
  laCode?: string;
  /** Only records with this status code (the document type's status code list). */
  status?: "draft" | "issued" | "in-review" | "cessation-proposed" | "ceased";
  /** Only plans whose next review is due before this date (exclusive). */
  reviewDueBefore?: string;
}

/** The search filters of development-profile records (all combine with AND). */
export interface DevelopmentProfileSearchFilters {
  /** Only records of this child. */
  childId?: string;
  /** Unique Pupil Number (13 characters; check letter verified). Exact match. */
  upn?: string;
  /** Unique Learner Number (10 digits; check digit verified). Exact match. */
  uln?: string;
  /** NHS number (10 digits, spaces allowed; modulus 11 check). Exact match after removing spaces. */
  nhsNumber?: string;
  /** Only records held by this setting (URN). */
  settingUrn?: string;
  /** Only records with this status code (the document type's status code list). */
  status?: never;
  /** Only plans whose next review is due before this date (exclusive). */
  reviewDueBefore?: string;
}

/** The search filters of child records (all combine with AND). */
export interface ChildSearchFilters {
  /** Unique Pupil Number (13 characters; check letter verified). Exact match. */
  upn?: string;
  /** Unique Learner Number (10 digits; check digit verified). Exact match. */
  uln?: string;
  /** NHS number (10 digits, spaces allowed; modulus 11 check). Exact match after removing spaces. */
  nhsNumber?: string;
  /** Only records held by this setting (URN). */
  settingUrn?: string;
  /** Only records of this local authority (three-digit LA code). */
  laCode?: string;
}

/** The search filters of transfer records (all combine with AND). */
export interface TransferSearchFilters {
  /** Unique Pupil Number (13 characters; check letter verified). Exact match. */
  upn?: string;
  /** Unique Learner Number (10 digits; check digit verified). Exact match. */
  uln?: string;
  /** NHS number (10 digits, spaces allowed; modulus 11 check). Exact match after removing spaces. */
  nhsNumber?: string;
}

/** The search filters of setting records (all combine with AND). */
export interface SettingSearchFilters {
  /** Only records of this local authority (three-digit LA code). */
  laCode?: string;
}

/** The search filters of spp records (all combine with AND). */
export interface SppSearchFilters {
  /** Only records with this status code (the document type's status code list). */
  status?: "draft" | "consultation" | "published" | "retired";
}
