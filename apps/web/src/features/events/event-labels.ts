// Presentation helpers of the events pages; the label maps themselves (STAGE_LABELS,
// BROCHURE_STATUS_LABELS, …) come from @kaolu/contracts, the one source (NFR-MNT-1).
import type { BrochureStatus } from '@kaolu/contracts';
import type { TagType } from '@/shared/labels';

/** Tag colour of a brochure's status; 填报中 keeps the neutral default. */
export const brochureStatusTypes: Partial<Record<BrochureStatus, TagType>> = {
  submitted: 'warning',
  returned: 'danger',
  approved: 'primary',
  published: 'success',
};

/** Reads a picked file as base64 for the Excel upload endpoints (the http client speaks JSON). */
// Uploads go as base64 inside JSON: one request shape for every import, no multipart parsing.
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // Chunks of 32 KiB: spreading a whole multi-MB file into String.fromCharCode overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
