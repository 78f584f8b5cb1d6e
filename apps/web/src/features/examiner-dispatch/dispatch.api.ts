import type { z } from 'zod';
import type { DispatchBoard, DispatchMyUnitsSchema, DispatchUnitView } from '@kaolu/contracts';
import { http } from '@/app/http';

export type { DispatchBoard, DispatchUnitView };

const base = (eventId: string) => `/api/admin/events/${eventId}/examiner-dispatch`;
const unitBase = (eventId: string, unitId: string) => `${base(eventId)}/units/${unitId}`;

/** External examiners 外派考官 (INT-09a): a unit's registration and the org's allocation board. */
export const dispatchApi = {
  /** The units the signed-in unit user registers for (his grants). */
  myUnits: () =>
    http.get<z.infer<typeof DispatchMyUnitsSchema>>('/api/admin/examiner-dispatch/my-units'),
  /** A unit's registration, with its result once the org confirmed. */
  unitView: (eventId: string, unitId: string) =>
    http.get<DispatchUnitView>(unitBase(eventId, unitId)),
  /** Registers one examiner the unit sends out. */
  addExaminer: (eventId: string, unitId: string, body: { name: string; title?: string }) =>
    http.post<{ ok: true }>(`${unitBase(eventId, unitId)}/examiners`, body),
  /** Removes a registered examiner (before confirmation). */
  removeExaminer: (eventId: string, unitId: string, examinerId: string) =>
    http.delete<{ ok: true }>(`${unitBase(eventId, unitId)}/examiners/${examinerId}`),
  /** How many outside examiners the unit needs in. */
  setNeed: (eventId: string, unitId: string, count: number) =>
    http.put<{ ok: true }>(`${unitBase(eventId, unitId)}/need`, { count }),
  /** The org's board: examiners, allocations, needs and shortfall. */
  board: (eventId: string) => http.get<DispatchBoard>(base(eventId)),
  /** Runs the dispatch engine (replaces hand adjustments). */
  allocate: (eventId: string) => http.post<DispatchBoard>(`${base(eventId)}/allocate`, {}),
  /** Moves one examiner by hand (null: not sent). */
  adjust: (eventId: string, examinerId: string, toUnitId: string | null) =>
    http.put<DispatchBoard>(`${base(eventId)}/examiners/${examinerId}/allocation`, { toUnitId }),
  /** Fixes the result; units see it from then on. */
  confirm: (eventId: string) => http.post<DispatchBoard>(`${base(eventId)}/confirm`, {}),
};
