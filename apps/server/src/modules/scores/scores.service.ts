import {
  WRITTEN_SUBJECT_LABELS,
  type CandidateScore,
  type PassLine,
  type WrittenSubject,
} from '@kaolu/contracts';
import { formatCenti, parseCenti, type Centi } from '@kaolu/domain';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import { maskIdNumber, maskName } from '../../platform/masking';
import { candidate } from '../candidates/candidate.table';
import { findEventById, recruitmentEvent, type EventRecord } from '../events';
import type { MessagesService } from '../messages';
import { readFirstSheet } from '../../platform/excel/excel-cells';
import { admissionTicket } from '../tickets';
import { examRegistration } from '../registrations';
import { readScoreSheet } from './score-sheet';
import {
  findCandidateScore,
  findPassLines,
  findRelease,
  loadScoreLookup,
} from './scores.repository';
import { passLine, scoreRelease, writtenScore } from './scores.table';
import { hasPassed, passLineFor, writtenTotalOf } from './written-result';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';

export type ScoresService = ReturnType<typeof createScoresService>;
type ScoreRow = typeof writtenScore.$inferSelect;

// Scores leave the service as decimal strings ('85.50'), never as binary floats.
const text = (c: Centi | null) => (c === null ? null : formatCenti(c));

/**
 * The subject lines of one score as shown: 行测 and 申论 always, the professional subject only
 * where the category sits one. A subject is marked 缺考 only when the row is absent and it has no
 * score.
 */
function subjectsOf(row: ScoreRow, hasProfessional: boolean) {
  const list: Array<[WrittenSubject, Centi | null]> = [
    ['xingce', row.xingceCenti],
    ['shenlun', row.shenlunCenti],
  ];
  if (hasProfessional) list.push(['professional', row.professionalCenti]);
  return list.map(([subject, value]) => ({
    subject,
    name: WRITTEN_SUBJECT_LABELS[subject],
    score: text(value),
    absent: row.absent && value === null,
  }));
}

/** Written-exam scores and pass lines (ONL-02, INT-03 cut-off lines, §7). */
export function createScoresService(deps: {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  messages: MessagesService;
}) {
  const { db, crypto, audit, messages } = deps;

  /** The event or EVENT.NOT_FOUND; its policy names the categories and their subjects. */
  async function loadEvent(eventId: string): Promise<EventRecord> {
    const event = await findEventById(db, eventId);
    if (!event) throw new AppError('EVENT.NOT_FOUND');
    return event;
  }
  // A category sits a professional subject when the event's policy lists subjects for it.
  const hasProfessional = (event: EventRecord, category: string) =>
    (event.policy.examCategories.find((c) => c.code === category)?.subjects.length ?? 0) > 0;

  /**
   * Imports the exam institute's sheet all-or-nothing: any bad row or field → IMPORT.ROWS_INVALID
   * with every problem; otherwise every row is written (replacing earlier imports) in one transaction.
   */
  async function importScores(
    eventId: string,
    fileBase64: string,
    ctx: ChangeContext,
    progress?: (percent: number, message: string) => Promise<void>,
  ): Promise<{ imported: number }> {
    const event = await loadEvent(eventId);
    // Published scores are frozen: a correction after publication would change verdicts that
    // candidates have already applied for positions with.
    if (await findRelease(db, eventId)) throw new AppError('SCORE.ALREADY_PUBLISHED');
    const sheet = await readFirstSheet(fileBase64);
    // The sheet may name candidates by ID number; they are found by blind index (NFR-SEC-2), since
    // the stored ID numbers are encrypted and cannot be compared in SQL.
    const lookup = await loadScoreLookup(db, eventId, event.policy, (id) =>
      crypto.blindIndex('id_number', id),
    );
    const { rows, problems } = readScoreSheet(sheet, lookup, {
      judicialMedical: event.policy.majorCatalogue === 'judicial_medical',
    });
    // All or nothing: a half-imported sheet would leave the institute unsure which rows count.
    if (problems.length) throw new AppError('IMPORT.ROWS_INVALID', { details: { problems } });
    await progress?.(50, `校验通过，正在写入 ${rows.length} 条成绩`);
    await db.transaction(async (tx) => {
      // Checked again in the transaction: a publication may have landed while the file was read.
      if (await findRelease(tx, eventId)) throw new AppError('SCORE.ALREADY_PUBLISHED');
      // Batches of 500 keep each statement under the driver's parameter limit on large events; the
      // upsert on the registration lets a corrected sheet replace the earlier import.
      for (let i = 0; i < rows.length; i += 500) {
        const values = rows.slice(i, i + 500).map((r) => ({
          eventId,
          registrationId: r.registrationId,
          candidateId: r.candidateId,
          examCategory: r.examCategory,
          majorType: r.majorType,
          xingceCenti: r.xingce,
          shenlunCenti: r.shenlun,
          professionalCenti: r.professional,
          absent: r.absent,
          totalCenti: writtenTotalOf(r, r.hasProfessional, r.absent),
          importedAt: new Date(),
        }));
        await tx
          .insert(writtenScore)
          .values(values)
          .onConflictDoUpdate({
            target: writtenScore.registrationId,
            set: {
              majorType: sql`excluded.major_type`,
              xingceCenti: sql`excluded.xingce_centi`,
              shenlunCenti: sql`excluded.shenlun_centi`,
              professionalCenti: sql`excluded.professional_centi`,
              absent: sql`excluded.absent`,
              totalCenti: sql`excluded.total_centi`,
              importedAt: sql`excluded.imported_at`,
            },
          });
      }
      await audit.record(tx, {
        action: 'score.imported',
        ...auditBase(ctx),
        targetType: 'event',
        targetId: eventId,
        result: 'success',
        details: { rows: rows.length },
      });
    });
    return { imported: rows.length };
  }

  /** Sets the event's pass lines (org_admin, INT-03); each change audited old → new. */
  async function setPassLines(eventId: string, lines: PassLine[], ctx: ChangeContext) {
    const event = await loadEvent(eventId);
    // A line for a category the policy does not know would never apply to anyone: refuse it.
    const codes = new Set(event.policy.examCategories.map((c) => c.code));
    const bad = lines.filter((l) => !codes.has(l.examCategory));
    if (bad.length)
      throw new AppError('COMMON.VALIDATION_FAILED', {
        message: `考试类别不在本事项政策中：${bad.map((l) => l.examCategory).join('、')}`,
      });
    await db.transaction(async (tx) => {
      // Read inside the transaction so the audit's "from" is exactly what this change replaced.
      const before = await findPassLines(tx, eventId);
      for (const l of lines) {
        // ScoreTextSchema has already validated the decimal, so parsing cannot fail here.
        const lineCenti = parseCenti(l.line)!;
        await tx
          .insert(passLine)
          .values({ eventId, examCategory: l.examCategory, majorType: l.majorType, lineCenti })
          .onConflictDoUpdate({
            target: [passLine.eventId, passLine.examCategory, passLine.majorType],
            set: { lineCenti, updatedAt: new Date() },
          });
      }
      await audit.record(tx, {
        action: 'pass_line.changed',
        ...auditBase(ctx),
        targetType: 'event',
        targetId: eventId,
        result: 'success',
        details: {
          from: before.map((b) => ({
            examCategory: b.examCategory,
            majorType: b.majorType,
            line: formatCenti(b.lineCenti),
          })),
          to: lines,
        },
      });
    });
    return listPassLines(eventId);
  }

  /** The event's pass lines as decimals, with the publication time (null while unpublished). */
  async function listPassLines(eventId: string) {
    const [lines, release] = await Promise.all([
      findPassLines(db, eventId),
      findRelease(db, eventId),
    ]);
    return {
      items: lines.map((l) => ({
        examCategory: l.examCategory,
        majorType: l.majorType,
        line: formatCenti(l.lineCenti),
      })),
      publishedAt: release?.publishedAt.toISOString() ?? null,
    };
  }

  /** Publishes (ONL-02): every imported category needs its line; candidates get a message and an SMS after commit. */
  async function publish(eventId: string, ctx: ChangeContext) {
    await loadEvent(eventId);
    // All in one transaction: the release row (its primary key is the event, so a second publish
    // fails), the messages with their queued SMS, and the audit entry commit or roll back together.
    return db.transaction(async (tx) => {
      if (await findRelease(tx, eventId))
        throw new AppError('SCORE.ALREADY_PUBLISHED', { message: '成绩已公布' });
      const groups = await tx
        .selectDistinct({
          examCategory: writtenScore.examCategory,
          majorType: writtenScore.majorType,
        })
        .from(writtenScore)
        .where(eq(writtenScore.eventId, eventId));
      if (groups.length === 0) throw new AppError('SCORE.NOTHING_TO_PUBLISH');
      // Every (category, major type) that has scores needs a line that applies, or its candidates
      // would be told they failed for want of a line.
      const lines = await findPassLines(tx, eventId);
      const missing = groups.filter(
        (g) => passLineFor(lines, g.examCategory, g.majorType) === undefined,
      );
      if (missing.length) {
        throw new AppError('SCORE.PASS_LINE_MISSING', {
          message: `以下考试类别尚未设置合格线：${missing.map((m) => m.examCategory + (m.majorType ? `（${m.majorType}）` : '')).join('、')}`,
          details: { missing },
        });
      }
      const [release] = await tx
        .insert(scoreRelease)
        .values({
          eventId,
          publishedBy: ctx.actor.kind === 'staff' ? ctx.actor.username : 'system',
        })
        .returning();
      // Everyone with a score is told, absent candidates included: they may still check the page.
      const ids = (
        await tx
          .select({ id: writtenScore.candidateId })
          .from(writtenScore)
          .where(eq(writtenScore.eventId, eventId))
      ).map((r) => r.id);
      await messages.notify(tx, ids, {
        title: '笔试成绩已公布',
        body: '您的笔试成绩和合格线已公布，请在“我的成绩”中查看。达到合格线的考生可在职位报名期间报考职位。',
        sms: '【上海公务员考录】您的笔试成绩已公布，请登录报名网站“我的成绩”查看。',
        purpose: 'score_published',
        actor: ctx.actor,
      });
      await audit.record(tx, {
        action: 'score.published',
        ...auditBase(ctx),
        targetType: 'event',
        targetId: eventId,
        result: 'success',
        details: { candidates: ids.length },
      });
      return { publishedAt: release!.publishedAt.toISOString(), candidates: ids.length };
    });
  }

  /** The written verdict of a candidate in an event, for position application; undefined before publication. */
  async function verdictOf(
    eventId: string,
    candidateId: string,
  ): Promise<{
    published: boolean;
    examCategory?: string;
    total: Centi | null;
    line?: Centi;
    passed: boolean;
  }> {
    const [release, score, lines] = await Promise.all([
      findRelease(db, eventId),
      findCandidateScore(db, eventId, candidateId),
      findPassLines(db, eventId),
    ]);
    // Before publication nothing is disclosed, not even whether a score exists.
    if (!release || !score) return { published: Boolean(release), total: null, passed: false };
    const line = passLineFor(lines, score.examCategory, score.majorType);
    return {
      published: true,
      examCategory: score.examCategory,
      total: score.totalCenti,
      line,
      passed: hasPassed(score.totalCenti, line),
    };
  }

  /** The candidate's published scores with line and verdict (ONL-02); unpublished events show nothing. */
  async function candidateScores(candidateId: string): Promise<CandidateScore[]> {
    // The inner join with score_release is what hides unpublished events from the candidate.
    const rows = await db
      .select({
        s: writtenScore,
        eventName: recruitmentEvent.name,
        policy: recruitmentEvent.policy,
        publishedAt: scoreRelease.publishedAt,
      })
      .from(writtenScore)
      .innerJoin(scoreRelease, eq(scoreRelease.eventId, writtenScore.eventId))
      .innerJoin(recruitmentEvent, eq(recruitmentEvent.id, writtenScore.eventId))
      .where(eq(writtenScore.candidateId, candidateId));
    const out: CandidateScore[] = [];
    // One query per event is fine here: a candidate has a score in a handful of events at most.
    for (const { s, eventName, policy, publishedAt } of rows) {
      const lines = await findPassLines(db, s.eventId);
      const category = (policy as EventRecord['policy']).examCategories.find(
        (c) => c.code === s.examCategory,
      );
      const line = passLineFor(lines, s.examCategory, s.majorType);
      out.push({
        eventId: s.eventId,
        eventName,
        examCategory: s.examCategory,
        examCategoryName: category?.name ?? s.examCategory,
        majorType: s.majorType,
        subjects: subjectsOf(s, (category?.subjects.length ?? 0) > 0),
        absent: s.absent,
        total: text(s.totalCenti),
        passLine: line === undefined ? null : formatCenti(line),
        passed: hasPassed(s.totalCenti, line),
        publishedAt: publishedAt.toISOString(),
      });
    }
    return out;
  }

  /** Staff list of an event's scores, names and ID numbers masked, by ticket order. */
  async function adminScores(
    eventId: string,
    q: { page: number; pageSize: number; examCategory?: string },
  ) {
    const event = await loadEvent(eventId);
    const where = and(
      eq(writtenScore.eventId, eventId),
      q.examCategory ? eq(writtenScore.examCategory, q.examCategory) : undefined,
    );
    const [rows, [totals], release] = await Promise.all([
      db
        .select({
          s: writtenScore,
          name: candidate.name,
          idNumberEnc: candidate.idNumberEnc,
          ticket: admissionTicket.ticketNumber,
        })
        .from(writtenScore)
        .innerJoin(candidate, eq(candidate.id, writtenScore.candidateId))
        .innerJoin(examRegistration, eq(examRegistration.id, writtenScore.registrationId))
        // Left join: a score matched by ID number may belong to a registration without a ticket.
        .leftJoin(admissionTicket, eq(admissionTicket.registrationId, writtenScore.registrationId))
        .where(where)
        .orderBy(asc(admissionTicket.ticketNumber), asc(writtenScore.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db.select({ total: count() }).from(writtenScore).where(where),
      findRelease(db, eventId),
    ]);
    return {
      items: rows.map(({ s, name, idNumberEnc, ticket }) => ({
        id: s.id,
        candidateName: maskName(name),
        // Decrypted only to be masked for the list (NFR-SEC-3).
        idNumberMasked: maskIdNumber(
          crypto.decryptField(idNumberEnc, {
            table: 'candidate',
            column: 'id_number',
            rowId: s.candidateId,
          }),
        ),
        ticketNumber: ticket,
        examCategory: s.examCategory,
        majorType: s.majorType,
        subjects: subjectsOf(s, hasProfessional(event, s.examCategory)),
        absent: s.absent,
        total: text(s.totalCenti),
      })),
      total: totals?.total ?? 0,
      publishedAt: release?.publishedAt.toISOString() ?? null,
    };
  }

  return {
    importScores,
    setPassLines,
    listPassLines,
    publish,
    verdictOf,
    candidateScores,
    adminScores,
  };
}
