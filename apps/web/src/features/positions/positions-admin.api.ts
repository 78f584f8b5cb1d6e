import type { z } from 'zod';
import type {
  AdminPosition,
  AdminPositionPageSchema,
  AdminPositionQuerySchema,
  Brochure,
  HireImportResult,
  ImportResultSchema,
  PositionInput,
  PublicPositionDetail,
  Unit,
  UnitContactInput,
  UnitInputSchema,
  UnitListSchema,
  UnitQuerySchema,
} from '@kaolu/contracts';
import { http } from '@/app/http';

export type {
  AdminPosition,
  Brochure,
  PositionInput,
  PublicPositionDetail,
  Unit,
  UnitContactInput,
};
export type ImportResult = z.infer<typeof ImportResultSchema>;
export type UnitInput = z.input<typeof UnitInputSchema>;
/** The position list's filters: page and size always, the rest optional. */
export type AdminPositionQuery = Pick<
  z.output<typeof AdminPositionQuerySchema>,
  'page' | 'pageSize'
> &
  Partial<z.output<typeof AdminPositionQuerySchema>>;

/** Staff calls of brochures, positions and units (INT-01, INT-02, INT-08). */
export const positionsAdminApi = {
  // 500 (the server's bound) by default: pickers list every unit of the city in one answer.
  units: (query: Partial<z.output<typeof UnitQuerySchema>> = {}) =>
    http.get<z.infer<typeof UnitListSchema>>('/api/admin/units', {
      query: { pageSize: 500, ...query },
    }),
  // Unit contacts are sent in the clear once and stored encrypted; answers only hold them masked.
  createUnit: (body: UnitInput) => http.post<Unit>('/api/admin/units', body),
  updateUnit: (id: string, body: UnitInput) => http.put<Unit>(`/api/admin/units/${id}`, body),
  // Server-paged: one event may hold thousands of positions across all units (NFR-PERF-1).
  positions: (eventId: string, query: AdminPositionQuery) =>
    http.get<z.infer<typeof AdminPositionPageSchema>>(`/api/admin/events/${eventId}/positions`, {
      query,
    }),
  createPosition: (eventId: string, unitId: string, body: PositionInput) =>
    http.post<AdminPosition>(`/api/admin/events/${eventId}/units/${unitId}/positions`, body),
  updatePosition: (id: string, body: PositionInput) =>
    http.put<AdminPosition>(`/api/admin/positions/${id}`, body),
  deletePosition: (id: string) => http.delete<{ ok: true }>(`/api/admin/positions/${id}`),
  // Silent: the page lists every bad row from the error's details instead of a generic toast.
  importPositions: (eventId: string, unitId: string, fileBase64: string) =>
    http.post<ImportResult>(
      `/api/admin/events/${eventId}/units/${unitId}/positions/import`,
      { fileBase64 },
      { silent: true },
    ),
  // A plain link, not an XHR: the browser downloads the workbook with the session cookie.
  exportUrl: (eventId: string, unitId?: string) =>
    `/api/admin/events/${eventId}/positions/export${unitId ? `?unitId=${unitId}` : ''}`,
  brochures: (eventId: string) =>
    http.get<{ items: Brochure[] }>(`/api/admin/events/${eventId}/brochures`),
  // Brochure workflow: the unit submits 上报, org_admin approves or returns it with a comment,
  // then publishes every approved brochure of the event at once.
  submit: (eventId: string, unitId: string) =>
    http.post<{ ok: true }>(`/api/admin/events/${eventId}/units/${unitId}/brochure/submit`),
  approve: (eventId: string, unitId: string) =>
    http.post<{ ok: true }>(`/api/admin/events/${eventId}/units/${unitId}/brochure/approve`),
  returnToUnit: (eventId: string, unitId: string, comment: string) =>
    http.post<{ ok: true }>(`/api/admin/events/${eventId}/units/${unitId}/brochure/return`, {
      comment,
    }),
  publish: (eventId: string) =>
    http.post<{ published: number }>(`/api/admin/events/${eventId}/brochures/publish`),
  // INT-08 hires per position (org_admin), which the second round subtracts from the headcount
  setHired: (id: string, hired: number, reason?: string) =>
    http.put<AdminPosition>(`/api/admin/positions/${id}/hired`, { hired, reason }),
  importHires: (eventId: string, fileBase64: string) =>
    http.post<HireImportResult>(
      `/api/admin/events/${eventId}/hires/import`,
      { fileBase64 },
      { silent: true },
    ),
  hiresExportUrl: (eventId: string) => `/api/admin/events/${eventId}/hires/export`,
};

/** Position detail for candidates, with its conditions in plain Chinese. */
export function getPublicPosition(id: string) {
  return http.get<PublicPositionDetail>(`/api/public/positions/${id}`, { silent: true });
}
