import fastifyMultipart from '@fastify/multipart';
import {
  CandidateProblemSchema,
  CandidateProblemSummarySchema,
  CreateProblemSchema,
  FileDispositionQuerySchema,
  IdParamSchema,
  PROBLEM_EVIDENCE_MAX_BYTES,
  ProblemAnswerSchema,
  ProblemFileParamsSchema,
  UploadedAttachmentSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import { candidateOf, changeContextOf } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { assertStorableMultipart } from '../../platform/errors/validation';
import { formatBytes, sendStoredFile } from '../../platform/files';
import type { ZodApp } from '../../platform/http/types';
import type { ProblemsService } from './problems.service';

// The OpenAPI group of these routes (/api/docs).
const tags = ['问题中心'];

/**
 * The candidate's problem center (ONL-01a): every route acts on the signed-in candidate's own cases;
 * no candidate id is ever taken from the request.
 */
export function registerCandidateProblemRoutes(app: ZodApp, problems: ProblemsService): void {
  const { candidate } = problems;
  // His own cases only (newest first); the list carries no replies, the detail does.
  app.get(
    '/api/candidate/problems',
    {
      schema: {
        tags,
        summary: '我的问题',
        response: { 200: z.array(CandidateProblemSummarySchema) },
      },
      config: { access: 'candidate' },
    },
    async (request) => candidate.listOwn(candidateOf(request).id),
  );
  // Evidence is uploaded first (below) and named here by file id, as profile materials are.
  app.post(
    '/api/candidate/problems',
    {
      schema: {
        tags,
        summary: '提交问题或申诉',
        body: CreateProblemSchema,
        response: { 200: CandidateProblemSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) =>
      candidate.create(candidateOf(request).id, request.body, changeContextOf(request)),
  );
  app.get(
    '/api/candidate/problems/:id',
    {
      schema: {
        tags,
        summary: '问题详情（答复与处理记录）',
        params: IdParamSchema,
        response: { 200: CandidateProblemSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) => candidate.getOwn(candidateOf(request).id, request.params.id),
  );
  // Only while the case waits for him (more information needed); it returns to review.
  app.post(
    '/api/candidate/problems/:id/answer',
    {
      schema: {
        tags,
        summary: '补充材料（答复“待补充材料”）',
        params: IdParamSchema,
        body: ProblemAnswerSchema,
        response: { 200: CandidateProblemSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) =>
      candidate.answer(
        candidateOf(request).id,
        request.params.id,
        request.body,
        changeContextOf(request),
      ),
  );
  // Withdrawing closes the case; its history stays (留痕).
  app.post(
    '/api/candidate/problems/:id/withdraw',
    {
      schema: {
        tags,
        summary: '撤回问题',
        params: IdParamSchema,
        response: { 200: CandidateProblemSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) =>
      candidate.withdraw(candidateOf(request).id, request.params.id, changeContextOf(request)),
  );
  // A file is answered only as part of the candidate's own case, never by file id alone.
  app.get(
    '/api/candidate/problems/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: '查看我的问题的证明材料',
        params: ProblemFileParamsSchema,
        querystring: FileDispositionQuerySchema,
      },
      config: { access: 'candidate' },
    },
    async (request, reply) => {
      const { info, bytes } = await candidate.readOwnFile(
        candidateOf(request).id,
        request.params.id,
        request.params.fileId,
      );
      return sendStoredFile(reply, info, bytes, request.query.disposition);
    },
  );
  // Evidence upload in its own multipart scope; a part over 5MB is cut off and refused in Chinese.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: PROBLEM_EVIDENCE_MAX_BYTES, files: 1, fields: 2 },
    });
    (scope as unknown as ZodApp).post(
      '/api/candidate/problems/evidence',
      {
        schema: {
          tags,
          summary: '上传证明材料（multipart，字段 file；PDF/JPG/PNG，不超过5MB）',
          response: { 200: UploadedAttachmentSchema },
        },
        config: { access: 'candidate' },
      },
      async (request) => {
        if (!request.isMultipart())
          throw new AppError('COMMON.UNSUPPORTED_MEDIA_TYPE', {
            message: '请以 multipart/form-data 上传证明材料',
          });
        const file = await request.file();
        if (!file) throw new AppError('FILE.EMPTY');
        // The file name and fields are checked for characters the database cannot store.
        assertStorableMultipart(file);
        // Reading past the part's size limit fails: answered as too large, in Chinese.
        const bytes = await file.toBuffer().catch((error: unknown) => {
          throw new AppError('FILE.TOO_LARGE', {
            message: `文件不能超过 ${formatBytes(PROBLEM_EVIDENCE_MAX_BYTES)}`,
            details: { maxBytes: PROBLEM_EVIDENCE_MAX_BYTES },
            cause: error,
          });
        });
        return candidate.uploadEvidence(
          candidateOf(request).id,
          bytes,
          file.filename,
          changeContextOf(request),
        );
      },
    );
  });
}
