import {
  EXPORT_FORMAT_LABELS,
  HALF_DAY_LABELS,
  type ExportQuery,
  type PsychResults,
  type ReportEventList,
} from '@kaolu/contracts';
import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { Principal } from '../../platform/auth/access';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import { importPsychResults, psychOfCandidates } from '../interviews';
import { loadExport } from './export-data';
import { exportWorkbook } from './export-excel';
import { exportPdf } from './export-pdf';
import { eventInScope, eventsInScope } from './report-scope';

const PERMISSION = 'interview.manage' as const;

/**
 * The interview-stage exports 一人一表 (INT-09b) and the psych-test results (INT-09c), for the
 * interview admin of the event. Every download is audited: the files name candidates.
 */
export function createExportsService(deps: { db: Db; crypto: CryptoProvider; audit: AuditLog }) {
  const { db, crypto, audit } = deps;

  return {
    async events(principal: Principal | undefined): Promise<ReportEventList> {
      const events = await eventsInScope(db, principal, PERMISSION);
      return { items: events.map(({ recruitmentEventId: _r, ...e }) => e) };
    },

    /** One format as Excel or PDF for the event, narrowed to a session and / or group. */
    async exportFile(eventId: string, query: ExportQuery, ctx: ChangeContext) {
      const event = await eventInScope(db, ctx.principal, PERMISSION, eventId, query.sessionId);
      const group = query.groupId ? event.groups.find((g) => g.id === query.groupId) : undefined;
      if (query.groupId && !group) throw new AppError('INTERVIEW.GROUP_NOT_FOUND');
      const list = await loadExport({ db, crypto }, event, {
        sessionId: query.sessionId,
        groupId: query.groupId,
      });
      if (list.length === 0) throw new AppError('REPORT.NOTHING_TO_EXPORT');
      const session = event.sessions.find((s) => s.id === query.sessionId);
      // The file name says what it holds: event, session, group and format.
      const parts = [
        event.name,
        session ? `${session.day}${HALF_DAY_LABELS[session.halfDay]}` : '',
        group?.name ?? '',
        EXPORT_FORMAT_LABELS[query.format].replace(/（.*）/, ''),
      ].filter(Boolean);
      const body =
        query.file === 'pdf'
          ? await exportPdf(event.name, query.format, list)
          : await exportWorkbook(event.name, query.format, list);
      await audit.record(db, {
        ...auditBase(ctx),
        action: 'interview_export.downloaded',
        targetType: 'interview_event',
        targetId: eventId,
        result: 'success',
        details: { ...query, candidates: list.length },
      });
      return { fileName: `${parts.join('-')}.${query.file}`, body };
    },

    /** Psych-test results import (all-or-nothing, row-by-row report), in the interviews module. */
    importPsych: (eventId: string, fileBase64: string, ctx: ChangeContext) =>
      importPsychResults({ db, audit }, eventId, fileBase64, ctx),

    /** The psych results of one browse page's candidates (the folded column, INT-09c). */
    async psych(
      eventId: string,
      ids: readonly string[],
      principal: Principal | undefined,
    ): Promise<PsychResults> {
      // Readers of the browse list (interview.read) see the results folded under each row.
      await eventInScope(db, principal, 'interview.read', eventId);
      const found = await psychOfCandidates(db, eventId, ids.slice(0, 200));
      return {
        items: [...found].map(([id, psych]) => ({
          interviewCandidateId: id,
          fields: Object.entries(psych).map(([name, value]) => ({ name, value: String(value) })),
        })),
      };
    },
  };
}

export type ExportsService = ReturnType<typeof createExportsService>;
