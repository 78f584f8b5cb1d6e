import type { ImportProblem, ListKind } from '@kaolu/contracts';
import { validateIdNumber } from '@kaolu/domain';
import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import { cellText, headerColumns, readFirstSheet } from '../../platform/excel/excel-cells';
import type { ChangeContext } from '../../platform/auth/request-context';
import { findUnitsByCodes } from '../units';
import type { ListValue } from './list-entry.table';

/** Writes one entry inside the caller's transaction and audits it (lists.service put). */
export type PutListEntry = (
  tx: DbOrTx,
  eventId: string,
  kind: ListKind,
  idNumber: string,
  value: ListValue,
  reason: string,
  ctx: ChangeContext,
) => Promise<void>;

/**
 * REG-01 list import from Excel: the sheet is read and checked in full, then every row is written
 * through the same `put` as a hand entry in one transaction — all rows or none.
 */
export function createListImport(deps: {
  db: Db;
  openEvent: (tx: DbOrTx, eventId: string) => Promise<void>;
  put: PutListEntry;
}) {
  const { db, openEvent, put } = deps;
  return {
    /** Excel import (身份证号 + 定向单位代码 or 原因): all rows or none, every bad row reported. */
    async importSheet(
      eventId: string,
      kind: ListKind,
      fileBase64: string,
      reason: string,
      ctx: ChangeContext,
    ): Promise<{ imported: number }> {
      // The whole sheet is parsed and checked before the transaction; only the unit codes need the
      // database.
      const sheet = await readFirstSheet(fileBase64);
      // The second column depends on the list: a unit code for the whitelist, a reason for the
      // greylist.
      const valueLabel = kind === 'whitelist' ? '定向单位代码' : '原因';
      const { columns, missing } = headerColumns(sheet, ['身份证号', valueLabel]);
      const problems: ImportProblem[] = missing.map((label) => ({
        row: 1,
        field: label,
        message: `缺少必填列「${label}」`,
      }));
      const parsed: Array<{ row: number; idNumber: string; value: string }> = [];
      if (!missing.length) {
        sheet.eachRow((row, n) => {
          if (n === 1) return;
          const id = cellText(row.getCell(columns.get('身份证号')!));
          const value = cellText(row.getCell(columns.get(valueLabel)!));
          // Blank rows below the data are skipped, not reported.
          if (!id && !value) return;
          const check = validateIdNumber(id);
          if (!check.ok)
            problems.push({
              row: n,
              field: '身份证号',
              message: check.reasons.map((r) => r.message).join('；'),
            });
          if (!value)
            problems.push({ row: n, field: valueLabel, message: `${valueLabel}为必填项` });
          if (check.ok && value) parsed.push({ row: n, idNumber: check.value.idNumber, value });
        });
      }
      // A number twice in one file would make the second row silently win: reported instead.
      const seen = new Map<string, number>();
      for (const p of parsed) {
        const first = seen.get(p.idNumber);
        if (first !== undefined)
          problems.push({ row: p.row, field: '身份证号', message: `与第${first}行重复` });
        seen.set(p.idNumber, p.row);
      }
      return db.transaction(async (tx) => {
        await openEvent(tx, eventId);
        // Whitelist rows name units by code (what the sheet's author knows); they are stored by id.
        const units =
          kind === 'whitelist' && parsed.length
            ? new Map(
                (
                  await findUnitsByCodes(
                    tx,
                    parsed.map((p) => p.value),
                  )
                ).map((u) => [u.code, u.id]),
              )
            : new Map<string, string>();
        if (kind === 'whitelist')
          for (const p of parsed)
            if (!units.has(p.value))
              problems.push({
                row: p.row,
                field: valueLabel,
                message: `单位代码「${p.value}」不存在`,
              });
        if (problems.length) {
          // One report for the whole file, ordered by row, and nothing written (all or nothing).
          const sorted = problems.sort((a, b) => a.row - b.row);
          throw new AppError('IMPORT.ROWS_INVALID', {
            message: `导入文件有 ${sorted.length} 处错误，未导入任何数据，请按报告逐行修改`,
            details: { problems: sorted },
          });
        }
        // Each row goes through the same put() as a hand entry, so each gets its own audit entry.
        for (const p of parsed) {
          const value =
            kind === 'whitelist'
              ? { unitId: units.get(p.value)!, note: null }
              : { unitId: null, note: p.value };
          // The reason names the import, so an audit reader can tell sheet changes from hand
          // entries.
          await put(tx, eventId, kind, p.idNumber, value, `${reason}（Excel导入）`, ctx);
        }
        return { imported: parsed.length };
      });
    },
  };
}
