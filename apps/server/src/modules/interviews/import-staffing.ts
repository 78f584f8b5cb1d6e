import { randomUUID } from 'node:crypto';
import type { ImportProblem } from '@kaolu/contracts';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { CryptoProvider } from '../../platform/crypto';
import { unitsByNameOrCode } from '../units';
import { interviewEvent, interviewExaminer, interviewPosition } from './interview.table';
import type { ImportPlan } from './import-candidates';
import { duplicateChecker, listCell, yesNo, type SheetRow } from './import-sheets';

// Positions and examiners of an interview event (IVW-02). Units are named as in the unit list
// (full name or code), because the examiner draw's 回避 rules compare units (IVW-04, §7).

/** Reports a unit cell that names no unit. */
// One message for every unit cell, so the operator learns both accepted spellings.
function unknownUnit(problems: ImportProblem[], row: number, field: string, text: string) {
  problems.push({
    row,
    field,
    message: `单位「${text}」不存在，请填写单位全称或单位代码`,
  });
}

/** Checks a positions sheet; a code already imported is updated, its group kept. */
export async function planPositions(
  tx: DbOrTx,
  eventId: string,
  rows: SheetRow[],
  problems: ImportProblem[],
): Promise<ImportPlan> {
  const [event] = await tx.select().from(interviewEvent).where(eq(interviewEvent.id, eventId));
  // The event's majors, when set, are the only majors a position may name.
  const majors = (event?.majors ?? []) as Array<{ code: string; name: string }>;
  const units = await unitsByNameOrCode(
    tx,
    rows.map((r) => r.cells.get('单位') ?? ''),
  );
  const existing = await tx
    .select({ id: interviewPosition.id, code: interviewPosition.code })
    .from(interviewPosition)
    .where(eq(interviewPosition.interviewEventId, eventId));
  // Codes already imported: their rows are updated in place, keeping the group that holds them.
  const idByCode = new Map(existing.map((p) => [p.code, p.id]));
  const same = duplicateChecker('职位代码');
  const values: Array<typeof interviewPosition.$inferInsert> = [];
  for (const { row, cells } of rows) {
    const code = cells.get('职位代码') ?? '';
    const title = cells.get('职位名称') ?? '';
    const unitText = cells.get('单位') ?? '';
    const majorText = cells.get('专业') ?? '';
    same(problems, row, code);
    if (code.length > 30)
      problems.push({ row, field: '职位代码', message: '职位代码不能超过 30 个字符' });
    const unit = units.get(unitText);
    if (unitText && !unit) unknownUnit(problems, row, '单位', unitText);
    // With majors set up, a position names one of them (professional interviews group by it).
    const major = majors.find((m) => m.code === majorText || m.name === majorText);
    // Without majors set up, the text is kept as typed.
    if (majorText && majors.length > 0 && !major)
      problems.push({ row, field: '专业', message: `专业「${majorText}」不在本面试事项的专业中` });
    if (!code || !title || !unit) continue;
    values.push({
      interviewEventId: eventId,
      code,
      title,
      unitId: unit.id,
      unitName: unit.name,
      major: major?.name ?? (majorText || null),
    });
  }
  return {
    async write(w) {
      for (const v of values) {
        const id = idByCode.get(v.code);
        if (id) await w.update(interviewPosition).set(v).where(eq(interviewPosition.id, id));
        else await w.insert(interviewPosition).values(v);
      }
      return values.length;
    },
  };
}

/** Checks an examiners sheet: units, capabilities and declared conflicts (§7 回避). */
export async function planExaminers(
  tx: DbOrTx,
  deps: { crypto: CryptoProvider },
  eventId: string,
  rows: SheetRow[],
  problems: ImportProblem[],
): Promise<ImportPlan> {
  const unitTexts = rows.flatMap((r) => [
    r.cells.get('单位') ?? '',
    ...listCell(r.cells.get('回避单位')),
  ]);
  const units = await unitsByNameOrCode(tx, unitTexts);
  // Declared position conflicts must name positions of this event, or the draw could not honour them.
  const positionCodes = new Set(
    (
      await tx
        .select({ code: interviewPosition.code })
        .from(interviewPosition)
        .where(eq(interviewPosition.interviewEventId, eventId))
    ).map((p) => p.code),
  );
  const existing = await tx
    .select({ id: interviewExaminer.id, code: interviewExaminer.code })
    .from(interviewExaminer)
    .where(eq(interviewExaminer.interviewEventId, eventId));
  const idByCode = new Map(existing.map((e) => [e.code, e.id]));
  const same = duplicateChecker('编号');
  const values: Array<typeof interviewExaminer.$inferInsert> = [];
  for (const { row, cells } of rows) {
    const code = cells.get('编号') ?? '';
    const name = cells.get('姓名') ?? '';
    const unitText = cells.get('单位') ?? '';
    same(problems, row, code);
    if (name.length > 50) problems.push({ row, field: '姓名', message: '姓名不能超过 50 个字' });
    const unit = units.get(unitText);
    if (unitText && !unit) unknownUnit(problems, row, '单位', unitText);
    // The three capability columns read 是 / 否; anything else is a problem, never a silent 否.
    const flags = (['可任主考官', '可任专业考官', '固定考官'] as const).map((field) => {
      const value = yesNo(cells.get(field));
      if (value === undefined)
        problems.push({ row, field, message: `「${field}」应填写「是」或「否」` });
      return value ?? false;
    });
    const conflictUnitIds: string[] = [];
    for (const text of listCell(cells.get('回避单位'))) {
      const conflict = units.get(text);
      if (conflict) conflictUnitIds.push(conflict.id);
      else unknownUnit(problems, row, '回避单位', text);
    }
    const conflictCodes = listCell(cells.get('回避职位'));
    for (const c of conflictCodes)
      if (!positionCodes.has(c))
        problems.push({ row, field: '回避职位', message: `职位代码「${c}」不在本面试事项中` });
    if (!code || !name || !unit) continue;
    // The row id is chosen before sealing: the name's ciphertext is bound to it.
    const id = idByCode.get(code) ?? randomUUID();
    values.push({
      id,
      interviewEventId: eventId,
      code,
      nameEnc: deps.crypto.encryptField(name, {
        table: 'interview_examiner',
        column: 'name',
        rowId: id,
      }),
      unitId: unit.id,
      unitName: unit.name,
      district: cells.get('区') || null,
      chiefCapable: flags[0]!,
      professionalCapable: flags[1]!,
      fixed: flags[2]!,
      // Declared conflicts only: his own unit is a rule of the draw itself (§7 回避).
      conflictUnitIds: [...new Set(conflictUnitIds)],
      conflictPositionCodes: [...new Set(conflictCodes)],
    });
  }
  return {
    async write(w) {
      for (const v of values) {
        if (idByCode.has(v.code))
          await w.update(interviewExaminer).set(v).where(eq(interviewExaminer.id, v.id!));
        else await w.insert(interviewExaminer).values(v);
      }
      return values.length;
    },
  };
}
