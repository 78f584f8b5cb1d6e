import { eq } from 'drizzle-orm';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { loadScoresEvent, type ScoresContext } from './scores-context';
import { findPassLines, findRelease } from './scores.repository';
import { scoreRelease, writtenScore } from './scores.table';
import { passLineFor } from './written-result';

/** Publication of the written scores 成绩公布 (ONL-02), once, with every candidate notified. */
export function createScorePublication(deps: ScoresContext) {
  const { db, audit, messages } = deps;
  const loadEvent = (eventId: string) => loadScoresEvent(db, eventId);

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

  return { publish };
}
