import type { z } from 'zod';
import type { CandidateMessageListSchema } from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';

export type CandidateMessage = z.infer<typeof CandidateMessageListSchema>['items'][number];

/** The candidate's in-site messages 站内消息: review results, list and composite notices … */
export const messagesApi = {
  // Newest first, as the server keeps them.
  mine: (options?: RequestOptions) =>
    http.get<z.infer<typeof CandidateMessageListSchema>>('/api/candidate/messages', options),
  // Opening a message marks it read; the server ignores a second mark.
  markRead: (id: string) => http.post<{ ok: boolean }>(`/api/candidate/messages/${id}/read`, {}),
};
