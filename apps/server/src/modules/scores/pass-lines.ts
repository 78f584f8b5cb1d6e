import type { PassLine } from '@kaolu/contracts';
import { formatCenti, parseCenti } from '@kaolu/domain';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { loadScoresEvent, type ScoresContext } from './scores-context';
import { findPassLines, findRelease } from './scores.repository';
import { passLine } from './scores.table';

/** The event's pass lines 合格线 (INT-03): set by org_admin, audited old → new, and listed. */
export function createPassLines(deps: ScoresContext) {
  const { db, audit, now } = deps;
  const loadEvent = (eventId: string) => loadScoresEvent(db, eventId);

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
            set: { lineCenti, updatedAt: now() },
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

  return { setPassLines, listPassLines };
}
