import type { FastifyReply } from 'fastify';
import { contentDisposition } from './file-types';

/**
 * Answers a stored file: its verified type, a Chinese-safe file name, no caching and no sniffing, so
 * a file is only ever shown as the PDF or image it was checked to be.
 */
export function sendStoredFile(
  reply: FastifyReply,
  info: { fileName: string; mime: string },
  bytes: Buffer,
  disposition: 'inline' | 'attachment',
) {
  return reply
    .type(info.mime)
    .header('content-disposition', contentDisposition(disposition, info.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(bytes);
}
