import { randomUUID } from 'node:crypto';
import type { ImportProblem } from '@kaolu/contracts';
import { validateIdNumber } from '@kaolu/domain';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { CryptoProvider } from '../../platform/crypto';
import { interviewCandidate, interviewPosition } from './interview.table';
import { duplicateChecker, type SheetRow } from './import-sheets';

// Candidates and their psych-test information (IVW-02). Names and ID numbers are sealed (SM4)
// bound to their row; the ID number's blind index finds a candidate at check-in (IVW-05).

/** What a checked sheet writes, once every row of the file has passed. */
export type ImportPlan = { write: (tx: DbOrTx) => Promise<number> };

// The sheet's 性别 column in Chinese, stored as the candidate table's values.
const GENDERS: Record<string, 'male' | 'female'> = { 男: 'male', 女: 'female' };

/** Seals a candidate's name and ID number for this row id (NFR-SEC-2). */
export function sealCandidate(
  crypto: CryptoProvider,
  rowId: string,
  person: { name: string; idNumber: string },
) {
  const ad = (column: string) => ({ table: 'interview_candidate', column, rowId });
  return {
    nameEnc: crypto.encryptField(person.name, ad('name')),
    idNumberEnc: crypto.encryptField(person.idNumber, ad('id_number')),
    idNumberBidx: crypto.blindIndex('id_number', person.idNumber),
  };
}

/** Checks a candidates sheet against the event's positions and candidates already imported. */
export async function planCandidates(
  tx: DbOrTx,
  deps: { crypto: CryptoProvider; today: string },
  eventId: string,
  rows: SheetRow[],
  problems: ImportProblem[],
): Promise<ImportPlan> {
  const positions = await tx
    .select({ id: interviewPosition.id, code: interviewPosition.code })
    .from(interviewPosition)
    .where(eq(interviewPosition.interviewEventId, eventId));
  const positionByCode = new Map(positions.map((p) => [p.code, p.id]));
  const existing = await tx
    .select({
      id: interviewCandidate.id,
      ticket: interviewCandidate.ticketNumber,
      bidx: interviewCandidate.idNumberBidx,
    })
    .from(interviewCandidate)
    .where(eq(interviewCandidate.interviewEventId, eventId));
  // Already imported candidates, by ticket and by ID-number blind index, for updates and clashes.
  const byTicket = new Map(existing.map((c) => [c.ticket, c]));
  const ticketByBidx = new Map(existing.map((c) => [c.bidx, c.ticket]));
  const sameTicket = duplicateChecker('准考证号');
  const sameId = duplicateChecker('身份证号');
  const values: Array<typeof interviewCandidate.$inferInsert> = [];
  for (const { row, cells } of rows) {
    const ticket = cells.get('准考证号') ?? '';
    const name = cells.get('姓名') ?? '';
    const idNumber = (cells.get('身份证号') ?? '').toUpperCase();
    const genderText = cells.get('性别') ?? '';
    const positionId = positionByCode.get(cells.get('职位代码') ?? '');
    sameTicket(problems, row, ticket);
    sameId(problems, row, idNumber);
    if (ticket.length > 30)
      problems.push({ row, field: '准考证号', message: '准考证号不能超过 30 个字符' });
    if (name.length > 50) problems.push({ row, field: '姓名', message: '姓名不能超过 50 个字' });
    // The domain rule checks format, region, birth date and check digit, each as its own problem.
    const id = idNumber ? validateIdNumber(idNumber, { today: deps.today }) : undefined;
    if (id && !id.ok)
      for (const reason of id.reasons)
        problems.push({ row, field: '身份证号', message: reason.message });
    if (genderText && !GENDERS[genderText])
      problems.push({ row, field: '性别', message: '性别应填写「男」或「女」' });
    if (cells.get('职位代码') && !positionId)
      problems.push({
        row,
        field: '职位代码',
        message: `职位代码「${cells.get('职位代码')}」不在本面试事项中，请先导入职位`,
      });
    // A row with a problem is not sealed: its problems are reported and nothing is written.
    if (!ticket || !name || !id?.ok || !positionId) continue;
    const bidx = deps.crypto.blindIndex('id_number', idNumber);
    const holder = ticketByBidx.get(bidx);
    // One person, one ticket: the ID number of another imported candidate is refused.
    if (holder !== undefined && holder !== ticket)
      problems.push({ row, field: '身份证号', message: `该身份证号已属于准考证号 ${holder}` });
    const rowId = byTicket.get(ticket)?.id ?? randomUUID();
    values.push({
      id: rowId,
      interviewEventId: eventId,
      positionId,
      ticketNumber: ticket,
      gender: GENDERS[genderText] ?? null,
      ...sealCandidate(deps.crypto, rowId, { name, idNumber }),
    });
  }
  return {
    async write(w) {
      // Re-importing a ticket updates it in place: check-in and draw columns stay as they are.
      for (const v of values) {
        if (byTicket.has(v.ticketNumber))
          await w.update(interviewCandidate).set(v).where(eq(interviewCandidate.id, v.id!));
      }
      // New candidates in batches of 500 rows per statement.
      const fresh = values.filter((v) => !byTicket.has(v.ticketNumber));
      for (let i = 0; i < fresh.length; i += 500)
        await w.insert(interviewCandidate).values(fresh.slice(i, i + 500));
      return values.length;
    },
  };
}

/** Checks a psych sheet: every ticket must name an imported candidate of the event. */
export async function planPsych(
  tx: DbOrTx,
  eventId: string,
  rows: SheetRow[],
  fields: string[],
  problems: ImportProblem[],
): Promise<ImportPlan> {
  if (fields.length === 0)
    problems.push({ row: 1, field: '', message: '除准考证号外至少需要一列测评信息' });
  const existing = await tx
    .select({ id: interviewCandidate.id, ticket: interviewCandidate.ticketNumber })
    .from(interviewCandidate)
    .where(eq(interviewCandidate.interviewEventId, eventId));
  const idByTicket = new Map(existing.map((c) => [c.ticket, c.id]));
  const same = duplicateChecker('准考证号');
  // The psych fields are kept as the institute named them: examiners read them as they are.
  const updates: Array<{ id: string; psych: Record<string, string> }> = [];
  for (const { row, cells } of rows) {
    const ticket = cells.get('准考证号') ?? '';
    same(problems, row, ticket);
    const id = idByTicket.get(ticket);
    if (ticket && !id)
      problems.push({ row, field: '准考证号', message: `准考证号 ${ticket} 不是本面试事项的考生` });
    if (!id) continue;
    updates.push({ id, psych: Object.fromEntries(fields.map((f) => [f, cells.get(f) ?? ''])) });
  }
  return {
    async write(w) {
      for (const u of updates)
        await w
          .update(interviewCandidate)
          .set({ psych: u.psych })
          .where(eq(interviewCandidate.id, u.id));
      return updates.length;
    },
  };
}
