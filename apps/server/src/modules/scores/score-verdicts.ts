import type { CandidateScore } from '@kaolu/contracts';
import { formatCenti, type Centi } from '@kaolu/domain';
import { eq } from 'drizzle-orm';
import { eventsByIdOf, type EventRecord } from '../events';
import type { ScoresContext } from './scores-context';
import { subjectsOf, text } from './score-subjects';
import { findCandidateScore, findPassLines, findRelease } from './scores.repository';
import { scoreRelease, writtenScore } from './scores.table';
import { hasPassed, passLineFor } from './written-result';

/**
 * The published result as candidates see it (ONL-02): the verdict position application asks for,
 * and the candidate's own score page. Nothing shows before publication.
 */
export function createScoreVerdicts(deps: Pick<ScoresContext, 'db'>) {
  const { db } = deps;

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
    const scores = await db
      .select({ s: writtenScore, publishedAt: scoreRelease.publishedAt })
      .from(writtenScore)
      .innerJoin(scoreRelease, eq(scoreRelease.eventId, writtenScore.eventId))
      .where(eq(writtenScore.candidateId, candidateId));
    // Their events (a handful) in one look-up.
    const events = await eventsByIdOf(
      db,
      scores.map((r) => r.s.eventId),
    );
    const rows = scores.map(({ s, publishedAt }) => ({
      s,
      publishedAt,
      eventName: events.get(s.eventId)!.name,
      policy: events.get(s.eventId)!.policy,
    }));
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

  return { verdictOf, candidateScores };
}
