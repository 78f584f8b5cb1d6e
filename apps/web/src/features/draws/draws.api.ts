import type { DrawReplay, PublicDraw } from '@kaolu/contracts';
import { http } from '@/app/http';

export type { DrawReplay, PublicDraw };

/** The public draw record and its replay (REG-08): no sign-in, codes only. */
export const drawsApi = {
  find: (id: string) => http.get<PublicDraw>(`/api/public/draws/${id}`),
  replay: (id: string) => http.get<DrawReplay>(`/api/public/draws/${id}/replay`),
};
