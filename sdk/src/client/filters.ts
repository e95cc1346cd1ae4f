// Search filters per collection (query parameters of the list operations), typed with the generated code lists.
import type { EhcpStatus, IspStatus, LayerOfSupport, SppStatus } from "../../generated/types.ts";

export interface PageOptions {
  /** Page size, 1–100 (server default 20). */
  limit?: number;
}

/** Filters shared by every plan collection; all combine with AND. One identifier at a time. */
export interface PlanFilters<Status extends string = string> extends PageOptions {
  childId?: string;
  upn?: string;
  uln?: string;
  nhsNumber?: string;
  settingUrn?: string;
  status?: Status;
  /** YYYY-MM-DD: plans whose next review is due before this date. */
  reviewDueBefore?: string;
}

export interface IspFilters extends PlanFilters<IspStatus> {
  layer?: LayerOfSupport;
}

export interface EhcpFilters extends PlanFilters<EhcpStatus> {
  laCode?: string;
}

export type DevelopmentProfileFilters = PlanFilters;

export interface ChildFilters extends PageOptions {
  upn?: string;
  uln?: string;
  nhsNumber?: string;
  settingUrn?: string;
  laCode?: string;
}

export interface SppFilters extends PageOptions {
  status?: SppStatus;
}

export interface SettingFilters extends PageOptions {
  laCode?: string;
}

export interface AuditFilters extends PageOptions {
  childId?: string;
  resourceId?: string;
  actor?: string;
  /** RFC 3339 instant. */
  since?: string;
}

export interface AccessLogFilters extends PageOptions {
  since?: string;
}
