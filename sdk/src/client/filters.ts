// Search filters per collection (query parameters of the list operations): generated from the filter table
// (spec/search-filters.ts → sdk/generated/search-filters.ts), with code-list values typed by their codes.
import type {
  ChildSearchFilters,
  DevelopmentProfileSearchFilters,
  EhcpSearchFilters,
  IspSearchFilters,
  LegacyEhcpSearchFilters,
  SettingSearchFilters,
  SppSearchFilters,
} from "../../generated/search-filters.ts";

export interface PageOptions {
  /** Page size, 1–100 (server default 20). */
  limit?: number;
}

export interface IspFilters extends IspSearchFilters, PageOptions {}
export interface EhcpFilters extends EhcpSearchFilters, PageOptions {}
export interface LegacyEhcpFilters extends LegacyEhcpSearchFilters, PageOptions {}
export interface DevelopmentProfileFilters extends DevelopmentProfileSearchFilters, PageOptions {}
export interface ChildFilters extends ChildSearchFilters, PageOptions {}
export interface SppFilters extends SppSearchFilters, PageOptions {}
export interface SettingFilters extends SettingSearchFilters, PageOptions {}

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
