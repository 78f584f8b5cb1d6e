import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import {
  ATTACHMENT_MAX_BYTES,
  AttachmentParamsSchema,
  FileDispositionQuerySchema,
  PhotoQuerySchema,
  ProfileSchema,
  SaveProfileSchema,
  UploadedAttachmentSchema,
} from '@kaolu/contracts';
import { actorOf } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import { assertStorableMultipart } from '../../platform/errors/validation';
import { formatBytes, sendStoredFile } from '../../platform/files';
import type { ZodApp } from '../../platform/http/types';
import type { ProfilesService } from './profiles.service';
import { principalOf } from '../../platform/auth/request-context';

const tags = ['考生档案'];
// Larger than any policy allows (≤ 2 MB), so the policy's own limit gives the Chinese explanation.
const UPLOAD_LIMIT = 2 * 1024 * 1024 + 1;

// Every route acts on the signed-in candidate's own profile: no candidate id is taken from the URL.
const candidateIdOf = (request: FastifyRequest) => principalOf(request).id;

/** The candidate's own profile 一户一档: read, save, photo upload and confirmation, uploaded materials. */
export function registerProfileRoutes(app: ZodApp, profiles: ProfilesService): void {
  app.get(
    '/api/candidate/profile',
    {
      schema: { tags, summary: '我的档案', response: { 200: ProfileSchema } },
      config: { access: 'candidate' },
    },
    async (request) => profiles.getProfile(candidateIdOf(request)),
  );
  // The body carries the version it was edited from; a stale one answers PROFILE.VERSION_CONFLICT.
  app.put(
    '/api/candidate/profile',
    {
      schema: {
        tags,
        summary: '保存档案（新版本）',
        body: SaveProfileSchema,
        response: { 200: ProfileSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) => profiles.saveProfile(candidateIdOf(request), request.body, actorOf(request)),
  );
  app.post(
    '/api/candidate/profile/photo/confirm',
    {
      schema: { tags, summary: '确认报名照片（确认后不能更换）', response: { 200: ProfileSchema } },
      config: { access: 'candidate' },
    },
    async (request) => profiles.confirmPhoto(candidateIdOf(request), actorOf(request)),
  );
  app.get(
    '/api/candidate/profile/photo',
    { schema: { tags, summary: '我的报名照片' }, config: { access: 'candidate' } },
    async (request, reply) => {
      const bytes = await profiles.getPhoto(candidateIdOf(request));
      // Personal data: no shared or browser cache may keep it after the session ends.
      return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(bytes);
    },
  );
  app.get(
    '/api/candidate/profile/attachments/:fileId',
    {
      schema: {
        tags,
        summary: '下载或预览我上传的附件',
        params: AttachmentParamsSchema,
        querystring: FileDispositionQuerySchema,
      },
      config: { access: 'candidate' },
    },
    async (request, reply) => {
      const { info, bytes } = await profiles.readOwnAttachment(
        candidateIdOf(request),
        request.params.fileId,
      );
      return sendStoredFile(reply, info, bytes, request.query.disposition);
    },
  );
  // Materials may be larger than photos: their own multipart scope; a part over 5MB is cut off and refused.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 2 },
    });
    (scope as unknown as ZodApp).post(
      '/api/candidate/profile/attachments',
      {
        schema: {
          tags,
          summary: '上传附件材料（multipart，字段 file；PDF/JPG/PNG，不超过5MB）',
          response: { 200: UploadedAttachmentSchema },
        },
        config: { access: 'candidate' },
      },
      async (request) => {
        if (!request.isMultipart())
          throw new AppError('COMMON.UNSUPPORTED_MEDIA_TYPE', {
            message: '请以 multipart/form-data 上传附件',
          });
        const file = await request.file();
        if (!file) throw new AppError('FILE.EMPTY');
        assertStorableMultipart(file);
        // Reading past the part's size limit fails: answered as too large, in Chinese.
        const bytes = await file.toBuffer().catch((error: unknown) => {
          throw new AppError('FILE.TOO_LARGE', {
            message: `文件不能超过 ${formatBytes(ATTACHMENT_MAX_BYTES)}`,
            details: { maxBytes: ATTACHMENT_MAX_BYTES },
            cause: error,
          });
        });
        return profiles.uploadAttachment(
          candidateIdOf(request),
          bytes,
          file.filename,
          actorOf(request),
        );
      },
    );
  });
  // Multipart only in this scope: the rest of the API accepts JSON alone.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 2 },
    });
    (scope as unknown as ZodApp).post(
      '/api/candidate/profile/photo',
      {
        schema: {
          tags,
          summary: '上传报名照片（multipart，字段 file）',
          querystring: PhotoQuerySchema,
          response: { 200: ProfileSchema },
        },
        config: { access: 'candidate' },
      },
      async (request) => {
        if (!request.isMultipart())
          throw new AppError('COMMON.UNSUPPORTED_MEDIA_TYPE', {
            message: '请以 multipart/form-data 上传照片',
          });
        const file = await request.file();
        if (!file) throw new AppError('PROFILE.PHOTO_INVALID', { message: '请选择照片文件' });
        assertStorableMultipart(file);
        const bytes = await file.toBuffer().catch((error: unknown) => {
          throw new AppError('PROFILE.PHOTO_INVALID', { message: '照片文件过大', cause: error });
        });
        // The event id, when given, picks that event's photo rules (size and pixels).
        return profiles.uploadPhoto(
          candidateIdOf(request),
          bytes,
          request.query.eventId,
          actorOf(request),
        );
      },
    );
  });
}
