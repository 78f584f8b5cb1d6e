import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { min, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../db/migrate';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database';
import type { CryptoProvider } from '../crypto';
import { archiveAuditRange } from './audit-archive';
import { exportAuditRange, type AuditExport } from './audit-export';
import { verifyAuditExport } from './audit-export-verifier';
import { createAuditLog, type AuditLogService } from './audit-log';
import { verifyAuditRange } from './audit-verifier';
import { auditEntry } from './audit.table';
import { createTestCrypto } from './audit.test-support';

const DAY = 86_400_000;
let database: TestDatabase;
let crypto: CryptoProvider;
let audit: AuditLogService;
let clock = Date.now() - 200 * DAY;
let exported: AuditExport;

beforeAll(async () => {
  crypto = await createTestCrypto();
  database = await createTestDatabase();
  await applyMigrations(database);
  audit = createAuditLog({
    db: database.db,
    crypto,
    checkpointEvery: 4,
    now: () => new Date(clock),
  });
  for (let n = 1; n <= 15; n++) {
    // Entries 1–10 are 200 days old (archivable), 11–15 recent.
    clock = n <= 10 ? Date.now() - (200 * DAY - n * 1000) : Date.now();
    await audit.record(database.db, {
      action: n % 2 ? 'score.imported' : 'login.failed',
      actor:
        n % 3
          ? { kind: 'staff', id: `u-${n}`, username: '李四', role: 'admin' }
          : { kind: 'anonymous' },
      targetType: 'score_batch',
      targetId: n === 6 ? '=HYPERLINK("http://evil")' : `b-${n}`,
      result: n % 2 ? 'success' : 'failure',
      details: { n, 说明: '成绩导入', rows: [1, 2.5, null], flag: true },
      ip: '192.168.1.9',
    });
    await audit.seal();
  }
  exported = await exportAuditRange(database.db, crypto, {
    fromId: 1,
    toId: 15,
    exportedBy: 'auditor',
  });
});
afterAll(() => database.close());

const verify = (
  workbook: Buffer,
  manifestText = exported.manifestText,
  publicKeyHex = crypto.publicKeyHex(),
) => verifyAuditExport({ workbook, manifestText, publicKeyHex });

async function editWorkbook(edit: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(exported.workbook as unknown as ArrayBuffer);
  edit(book.getWorksheet('审计日志')!);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('audit export and offline verification', () => {
  it('verifies an untouched export with only the public key, checkpoints included', async () => {
    expect(exported.manifest).toMatchObject({ fromId: 1, toId: 15, count: 15, chainIntact: true });
    expect(await verify(exported.workbook)).toMatchObject({
      ok: true,
      workbookUnchanged: true,
      rowsChecked: 15,
      checkpointsVerified: 3,
    });
  });

  it('writes formula-like text as inert text that still verifies', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.workbook as unknown as ArrayBuffer);
    expect(book.getWorksheet('审计日志')!.getRow(7).getCell(11).value).toBe(
      `'=HYPERLINK("http://evil")`,
    );
  });

  it('refuses the export under another public key', async () => {
    const other = await createTestCrypto();
    const result = await verify(exported.workbook, exported.manifestText, other.publicKeyHex());
    expect(result).toMatchObject({ ok: false, problem: { reason: 'signature_invalid' } });
  });

  it('refuses a signature file whose contents were changed', async () => {
    const forged = exported.manifestText.replace('"count": 15', '"count": 14');
    expect((await verify(exported.workbook, forged)).problem?.reason).toBe('signature_invalid');
  });

  it('locates a row edited in the workbook', async () => {
    const workbook = await editWorkbook((sheet) => {
      sheet.getRow(9).getCell(13).value = '{"n":8}';
    });
    expect(await verify(workbook)).toMatchObject({
      ok: false,
      workbookUnchanged: false,
      problem: { reason: 'row_altered', entryId: 8, excelRow: 9 },
    });
  });

  it('locates a row deleted from the workbook', async () => {
    const workbook = await editWorkbook((sheet) => sheet.spliceRows(5, 1));
    expect(await verify(workbook)).toMatchObject({
      ok: false,
      problem: { reason: 'id_sequence', entryId: 4, excelRow: 5 },
    });
  });

  it('accepts a workbook re-saved without changes, noting that its bytes differ', async () => {
    const workbook = await editWorkbook(() => undefined);
    expect(await verify(workbook)).toMatchObject({
      ok: true,
      workbookUnchanged: false,
      rowsChecked: 15,
    });
  });
});

describe('archiving', () => {
  it('archives a checkpointed range older than 180 days and keeps the rest verifiable', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'kaolu-audit-archive-'));
    const actor = { kind: 'system', id: 'archive-cli' } as const;
    const result = await archiveAuditRange(database.db, crypto, audit, {
      checkpointId: 2,
      directory,
      actor,
      archivedBy: 'ops',
    });
    expect(result).toMatchObject({ fromId: 1, toId: 8, count: 8 });
    const offline = await verify(
      readFileSync(result.workbookPath),
      readFileSync(result.manifestPath, 'utf8'),
    );
    expect(offline).toMatchObject({ ok: true, rowsChecked: 8 });
    const [first] = await database.db.select({ id: min(auditEntry.id) }).from(auditEntry);
    expect(first?.id).toBe(9);
    // The archive itself is an audited operation: entry 16 once sealed.
    expect(await audit.seal()).toBe(1);
    expect(await verifyAuditRange(database.db, crypto)).toMatchObject({
      intact: true,
      fromId: 9,
      toId: 16,
    });
  });

  it('refuses to archive entries younger than 180 days', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'kaolu-audit-archive-'));
    const actor = { kind: 'system', id: 'archive-cli' } as const;
    await expect(
      archiveAuditRange(database.db, crypto, audit, {
        checkpointId: 3,
        directory,
        actor,
        archivedBy: 'ops',
      }),
    ).rejects.toThrow(/180 天/);
    expect(readdirSync(directory)).toEqual([]);
    expect((await verifyAuditRange(database.db, crypto)).fromId).toBe(9);
  });
});

describe('archive function in the database', () => {
  it('refuses, by itself, to drop entries younger than 180 days', async () => {
    const error = await database.db
      .execute(sql`select kaolu_audit_archive(3, ${'0'.repeat(64)}, 'x.xlsx', 'ops')`)
      .then(
        () => undefined,
        (e: unknown) => e as { cause?: { message?: string }; message: string },
      );
    expect(error?.cause?.message ?? error?.message).toMatch(/180 天/);
  });
});
