// The audit log's search filters, shared by the page and its filter form.

/** What the auditor can filter by; '' and null mean "any". */
export type AuditFilters = {
  /** Start and end of the period as ISO timestamps with offset, as the API expects them. */
  period: [string, string] | null;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  result: string;
};

export const emptyAuditFilters = (): AuditFilters => ({
  period: null,
  actor: '',
  action: '',
  targetType: '',
  targetId: '',
  result: '',
});
