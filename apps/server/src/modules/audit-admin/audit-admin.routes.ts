import {
  AuditEntryPageSchema,
  AuditEntryQuerySchema,
  AuditExportSchema,
  AuditPublicKeySchema,
  AuditRangeSchema,
  AuditVerificationSchema,
} from '@kaolu/contracts';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import {
  AuditRangeError,
  exportAuditRange,
  verifyAuditRange,
  type AuditEntryInput,
  type AuditLog,
  type AuditSealer,
} from '../../platform/audit';
import { actorOf } from '../../platform/auth/actor';
import { clientIpOf } from '../../platform/auth/client-ip';
import { SM2_USER_ID, type CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import type { ZodApp } from '../../platform/http/types';
import { presentAuditEntry, presentVerification } from './audit-admin.presenter';
import { auditTargetNames } from './audit-target-names';
import { findAuditEntries, resolveAuditRange } from './audit-admin.repository';

/** The platform pieces the auditor's routes use; audit-admin owns no tables of its own. */
export type AuditAdminDeps = {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  /** Chains committed entries before each read, so the auditor sees every operation up to now. */
  sealer?: AuditSealer;
};

// Every route here is itself audited where it reveals or vouches for a range: verify and export.
const TAGS = ['审计日志'];

/** The auditor's routes (REG-08): list and filter, verify a range, export it with a signature file. */
export function registerAuditAdminRoutes(app: ZodApp, deps: AuditAdminDeps): void {
  const { db, crypto, audit } = deps;
  // Entries are chained by a sealer after commit; sealing first means the newest entries are
  // included.
  const sealPending = async () => {
    await deps.sealer?.seal();
  };
  // The auditor's own actions are entries of the same log, with the audit_log as target.
  const recordOf = (
    request: FastifyRequest,
    entry: Pick<AuditEntryInput, 'action' | 'details' | 'result'>,
  ) =>
    audit.record(db, {
      ...entry,
      actor: actorOf(request),
      ip: clientIpOf(request),
      requestId: String(request.id),
      targetType: 'audit_log',
    });

  // audit.read: only the 审计管理员 (auditor) reads the log; neither sys_admin nor sec_admin (三权分立).
  app.get(
    '/api/audit/entries',
    {
      schema: {
        tags: TAGS,
        summary: '审计日志列表（按时间、操作人、操作、对象筛选）',
        querystring: AuditEntryQuerySchema,
        response: { 200: AuditEntryPageSchema },
      },
      config: { access: { permission: 'audit.read' } },
    },
    async (request) => {
      await sealPending();
      const { items, total } = await findAuditEntries(db, request.query);
      const names = await auditTargetNames(db, items);
      return { items: items.map((row) => presentAuditEntry(row, names)), total };
    },
  );

  // REG-08 offline verification: with the SM2 public key and user id, an export can be checked
  // anywhere.
  app.get(
    '/api/audit/public-key',
    {
      schema: {
        tags: TAGS,
        summary: '审计日志签名公钥（离线验证用）',
        response: { 200: AuditPublicKeySchema },
      },
      config: { access: { permission: 'audit.read' } },
    },
    async () => ({
      algorithm: 'SM2' as const,
      userId: SM2_USER_ID,
      publicKeyHex: crypto.publicKeyHex(),
    }),
  );

  app.post(
    '/api/audit/verify',
    {
      schema: {
        tags: TAGS,
        summary: '验证审计日志范围的完整性',
        body: AuditRangeSchema,
        response: { 200: AuditVerificationSchema },
      },
      config: { access: { permission: 'audit.verify' } },
    },
    async (request) => {
      await sealPending();
      const range = await resolveAuditRange(db, request.body);
      if (range.empty) throw new AppError('AUDIT.RANGE_EMPTY');
      // The result is recorded whether intact or not: a found break is itself an important event.
      const verification = presentVerification(await verifyAuditRange(db, crypto, range));
      await recordOf(request, {
        action: 'audit.verified',
        result: 'success',
        details: {
          fromId: verification.fromId,
          toId: verification.toId,
          intact: verification.intact,
          firstBreak: verification.firstBreak,
        },
      });
      return verification;
    },
  );

  app.post(
    '/api/audit/export',
    {
      schema: {
        tags: TAGS,
        summary: '导出审计日志（Excel 及签名文件）',
        body: AuditRangeSchema,
        response: { 200: AuditExportSchema },
      },
      config: { access: { permission: 'audit.export' } },
    },
    async (request) => {
      await sealPending();
      const range = await resolveAuditRange(db, request.body);
      if (range.empty) throw new AppError('AUDIT.RANGE_EMPTY');
      // The exporter's username goes into the signed manifest, naming who took the copy.
      const exportedBy =
        request.principal?.kind === 'staff' ? request.principal.username : 'unknown';
      const exported = await exportAuditRange(db, crypto, {
        // Open bounds become the whole log; exportAuditRange refuses a range too large for one
        // workbook.
        fromId: range.fromId ?? 1,
        toId: range.toId ?? Number.MAX_SAFE_INTEGER,
        exportedBy,
      }).catch((error: unknown) => {
        // Only the range problems become 400-level answers; anything else is a real failure.
        if (!(error instanceof AuditRangeError)) throw error;
        throw new AppError(
          error.reason === 'empty' ? 'AUDIT.RANGE_EMPTY' : 'AUDIT.RANGE_TOO_LARGE',
        );
      });
      const { manifest } = exported;
      await recordOf(request, {
        action: 'audit.exported',
        result: 'success',
        details: {
          fromId: manifest.fromId,
          toId: manifest.toId,
          count: manifest.count,
          // The workbook's SM3 in the entry ties this export to the file handed over.
          workbookSm3: manifest.workbookSm3,
          chainIntact: manifest.chainIntact,
        },
      });
      return {
        fromId: manifest.fromId,
        toId: manifest.toId,
        count: manifest.count,
        chainIntact: manifest.chainIntact,
        workbookFile: exported.workbookFile,
        workbookBase64: exported.workbook.toString('base64'),
        signatureFile: exported.manifestFile,
        signatureText: exported.manifestText,
      };
    },
  );
}
