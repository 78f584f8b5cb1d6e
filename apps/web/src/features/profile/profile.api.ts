import type { Profile, ProfileDocument, SaveProfile, UploadedAttachment } from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';
import { uploadFile } from './file-transfer';

export type { Profile, ProfileDocument, UploadedAttachment };

/** The candidate's one-file profile 一户一档: read, save as a new version, photo, materials (INT-05). */
export const profileApi = {
  get: (options?: RequestOptions) => http.get<Profile>('/api/candidate/profile', options),
  /** A 400 answer names every bad field in details.fields; the page shows them inline. */
  save: (body: SaveProfile) => http.put<Profile>('/api/candidate/profile', body, { silent: true }),
  /** Checked on the server against the photo rules (§7) of the given event. */
  uploadPhoto: (file: File, eventId?: string) =>
    uploadFile<Profile>('/api/candidate/profile/photo', file, file.name, { eventId }),
  /** Fixes the photo for good (§7); later uploads are refused by the server. */
  confirmPhoto: () => http.post<Profile>('/api/candidate/profile/photo/confirm'),
  /** Same-origin URL of the stored photo; `v` busts the browser cache after a new upload. */
  photoUrl: (version: string) => `/api/candidate/profile/photo?v=${encodeURIComponent(version)}`,
  /** Stores one material (PDF/JPG/PNG ≤ 5MB); it joins the profile when the profile is saved with its id. */
  uploadAttachment: (file: File) =>
    uploadFile<UploadedAttachment>('/api/candidate/profile/attachments', file, file.name),
  /** Same-origin URL of an own material: inline opens it in the browser, attachment downloads it. */
  attachmentUrl: (fileId: string, disposition: 'inline' | 'attachment' = 'inline') =>
    `/api/candidate/profile/attachments/${encodeURIComponent(fileId)}?disposition=${disposition}`,
};
