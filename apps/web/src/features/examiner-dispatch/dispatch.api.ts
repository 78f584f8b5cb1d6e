import type { z } from 'zod';
import type { DispatchBoard, DispatchMyUnitsSchema, DispatchUnitView } from '@kaolu/contracts';
import { http } from '@/app/http';

export type { DispatchBoard, DispatchUnitView };

const base = (eventId: string) => `/api/admin/events/${eventId}/examiner-dispatch`;
const unitBase = (eventId: string, unitId: string) => `${base(eventId)}/units/${unitId}`;

/** External examiners 外派考官 (INT-09a): a unit's registration and the org's allocation board. */
export const dispatchApi = {
  myUnits: () =>
    http.get<z.infer<typeof DispatchMyUnitsSchema>>('/api/admin/examiner-dispatch/my-units'),
  unitView: (eventId: string, unitId: string) =>
    http.get<DispatchUnitView>(unitBase(eventId, unitId)),
  addExaminer: (eventId: string, unitId: string, body: { name: string; title?: string }) =>
    http.post<{ ok: true }>(`${unitBase(eventId, unitId)}/examiners`, body),
  removeExaminer: (eventId: string, unitId: string, examinerId: string) =>
    http.delete<{ ok: true }>(`${unitBase(eventId, unitId)}/examiners/${examinerId}`),
  setNeed: (eventId: string, unitId: string, count: number) =>
    http.put<{ ok: true }>(`${unitBase(eventId, unitId)}/need`, { count }),
  board: (eventId: string) => http.get<DispatchBoard>(base(eventId)),
  allocate: (eventId: string) => http.post<DispatchBoard>(`${base(eventId)}/allocate`, {}),
  adjust: (eventId: string, examinerId: string, toUnitId: string | null) =>
    http.put<DispatchBoard>(`${base(eventId)}/examiners/${examinerId}/allocation`, { toUnitId }),
  confirm: (eventId: string) => http.post<DispatchBoard>(`${base(eventId)}/confirm`, {}),
};
