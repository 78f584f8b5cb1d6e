import type { RevealableField } from '@kaolu/contracts';
import { http } from '@/app/http';

/** NFR-SEC-3: one clear value of one candidate, with the reason that goes to the signed audit log. */
export const personalDataApi = {
  reveal: (candidateId: string, field: RevealableField, reason: string) =>
    http.post<{ field: RevealableField; value: string }>(
      `/api/admin/candidates/${candidateId}/reveal`,
      { field, reason },
    ),
};
