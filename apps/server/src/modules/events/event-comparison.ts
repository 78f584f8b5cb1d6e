import type { EventCategoryFigures, EventFigures } from '@kaolu/contracts';
import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import { findEventById, type EventRecord } from './events.repository';

/**
 * Where the comparison's figures come from: other modules' exported query functions, handed in by
 * app.ts, so events reads no table of theirs and imports none of their modules (no import cycle).
 */
export type EventFigureSources = {
  positions(
    db: DbOrTx,
    eventId: string,
  ): Promise<{
    units: number;
    positions: number;
    headcount: number;
    hired: number;
    byCategory: Array<{ examCategory: string; positions: number; headcount: number }>;
  }>;
  registrations(
    db: DbOrTx,
    eventId: string,
  ): Promise<Array<{ examCategory: string; total: number; passedChecks: number; paid: number }>>;
  passes(db: DbOrTx, eventId: string): Promise<Array<{ examCategory: string; passed: number }>>;
  applications(db: DbOrTx, eventId: string): Promise<{ submitted: number; approved: number }>;
  /** After review (§7): candidates on an interview list, and those sent to the physical exam. */
  interviewListed(db: DbOrTx, eventId: string): Promise<number>;
  physicalExam(db: DbOrTx, eventId: string): Promise<number>;
};

// The bounds of one comparison (NFR-HIS-1), checked here because the ids arrive as one text.
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 5;
// Checked here rather than by zod so that the message can name each bad id in Chinese.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids of `ids=a,b,c`: 2–5 distinct well-formed ids, or a 400 saying what is wrong in Chinese. */
export function parseCompareIds(text: string): string[] {
  const ids = [
    ...new Set(
      text
        .split(/[,，\s]+/)
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  const bad = ids.filter((id) => !UUID.test(id));
  if (bad.length)
    throw new AppError('COMMON.VALIDATION_FAILED', {
      message: `招录事项编号格式不正确：${bad.join('、')}`,
      details: {
        fields: [{ field: 'querystring.ids', label: '招录事项', message: '编号格式不正确' }],
      },
    });
  if (ids.length < COMPARE_MIN || ids.length > COMPARE_MAX) {
    throw new AppError('COMMON.VALIDATION_FAILED', {
      message: `请选择${COMPARE_MIN}至${COMPARE_MAX}个不同的招录事项进行比较（当前${ids.length}个）`,
      details: {
        fields: [
          {
            field: 'querystring.ids',
            label: '招录事项',
            message: `须为${COMPARE_MIN}至${COMPARE_MAX}个`,
          },
        ],
      },
    });
  }
  return ids;
}

/** Category rows in the policy's order, then any code found only in the data (policy edited since). */
function categoriesOf(
  event: EventRecord,
  parts: {
    positions: Awaited<ReturnType<EventFigureSources['positions']>>;
    registrations: Awaited<ReturnType<EventFigureSources['registrations']>>;
    passes: Awaited<ReturnType<EventFigureSources['passes']>>;
  },
): EventCategoryFigures[] {
  const codes = [...event.policy.examCategories.map((c) => c.code)];
  const seen = [
    ...parts.positions.byCategory.map((c) => c.examCategory),
    ...parts.registrations.map((r) => r.examCategory),
    ...parts.passes.map((p) => p.examCategory),
  ];
  for (const code of seen) if (!codes.includes(code)) codes.push(code);
  return codes.map((code) => {
    const p = parts.positions.byCategory.find((c) => c.examCategory === code);
    const r = parts.registrations.find((c) => c.examCategory === code);
    return {
      examCategory: code,
      name:
        event.policy.examCategories.find((c) => c.code === code)?.name ??
        // '' is the group of positions without an exam category (position-figures.ts).
        (code === '' ? '未设考试类别' : code),
      positions: p?.positions ?? 0,
      headcount: p?.headcount ?? 0,
      registrations: r?.total ?? 0,
      paid: r?.paid ?? 0,
      passed: parts.passes.find((c) => c.examCategory === code)?.passed ?? 0,
    };
  });
}

/**
 * NFR-HIS-1: figures of several events side by side — closed events as readable as running ones
 * (nothing here looks at the status except to show it).
 */
export function createEventComparison(deps: { db: Db; sources: EventFigureSources }) {
  const { db, sources } = deps;

  /** One event's figures: the sources read in parallel, then totals and per-category rows. */
  async function figuresOf(event: EventRecord): Promise<EventFigures> {
    const [positions, registrations, passes, applications, interviewListed, physicalExam] =
      await Promise.all([
        sources.positions(db, event.id),
        sources.registrations(db, event.id),
        sources.passes(db, event.id),
        sources.applications(db, event.id),
        sources.interviewListed(db, event.id),
        sources.physicalExam(db, event.id),
      ]);
    // Registration figures arrive per exam category; the event's totals are their sums.
    const sum = (key: 'total' | 'passedChecks' | 'paid') =>
      registrations.reduce((n, r) => n + r[key], 0);
    return {
      id: event.id,
      code: event.code,
      name: event.name,
      type: event.type,
      year: event.year,
      status: event.status,
      units: positions.units,
      positions: positions.positions,
      headcount: positions.headcount,
      hired: positions.hired,
      registrations: { total: sum('total'), passedChecks: sum('passedChecks'), paid: sum('paid') },
      passed: passes.reduce((n, p) => n + p.passed, 0),
      applications,
      interviewListed,
      physicalExam,
      categories: categoriesOf(event, { positions, registrations, passes }),
    };
  }

  return {
    /** The events' figures in the order asked; an unknown id is a 404 naming it. */
    async compare(ids: readonly string[]): Promise<EventFigures[]> {
      const events: EventRecord[] = [];
      for (const id of ids) {
        const event = await findEventById(db, id);
        if (!event)
          throw new AppError('EVENT.NOT_FOUND', {
            message: `招录事项不存在：${id}`,
            details: { id },
          });
        events.push(event);
      }
      // One event after the other: PGlite serves one query at a time anyway, PostgreSQL's pool stays free.
      const items: EventFigures[] = [];
      for (const event of events) items.push(await figuresOf(event));
      return items;
    },
  };
}

export type EventComparisonService = ReturnType<typeof createEventComparison>;
