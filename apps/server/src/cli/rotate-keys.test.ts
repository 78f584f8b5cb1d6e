import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../db/migrate';
import * as schema from '../db/schema';
import { candidate } from '../modules/candidates/candidate.table';
import { createSoftwareCryptoProvider, rotateFieldKey, type CryptoProvider } from '../platform/crypto';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database';
import { ENCRYPTED_COLUMNS, reencryptEncryptedFields } from './rotate-keys';

let database: TestDatabase;
let crypto: CryptoProvider;
const keyOptions = { dataDir: mkdtempSync(join(tmpdir(), 'kaolu-rotate-')), isProduction: false };
const people = Array.from({ length: 5 }, (_, n) => ({ idNumber: `31010119900101${1000 + n}`, phone: `1380000000${n}` }));

beforeAll(async () => {
  crypto = (await createSoftwareCryptoProvider(keyOptions)).provider;
  database = await createTestDatabase();
  await applyMigrations(database);
  for (const [n, p] of people.entries()) {
    const id = `00000000-0000-4000-8000-00000000000${n}`;
    await database.db.insert(candidate).values({
      id,
      name: `考生${n}`,
      gender: 'male',
      birthDate: '1990-01-01',
      idNumberEnc: crypto.encryptField(p.idNumber, { table: 'candidate', column: 'id_number', rowId: id }),
      idNumberBidx: crypto.blindIndex('id_number', p.idNumber),
      phoneEnc: crypto.encryptField(p.phone, { table: 'candidate', column: 'phone', rowId: id }),
      phoneBidx: crypto.blindIndex('phone', p.phone),
    });
  }
});
afterAll(() => database.close());

describe('rotate-keys', () => {
  it('re-encrypts every field to the new key id in batches, keeping the clear values', async () => {
    const oldKeyId = crypto.currentFieldKeyId();
    const newKeyId = await rotateFieldKey(keyOptions);
    await crypto.reloadKeys();
    expect(crypto.currentFieldKeyId()).toBe(newKeyId);

    const report = await reencryptEncryptedFields(database.db, crypto, 2);
    expect(report).toMatchObject({ keyId: newKeyId, remaining: 0 });
    expect(report.columns['candidate.id_number_enc']).toEqual({ reencrypted: 5, skippedConcurrent: 0 });
    expect(report.columns['candidate.phone_enc']).toEqual({ reencrypted: 5, skippedConcurrent: 0 });

    const rows = await database.db.select().from(candidate).orderBy(asc(candidate.id));
    for (const [n, row] of rows.entries()) {
      expect(crypto.fieldKeyIdOf(row.idNumberEnc)).toBe(newKeyId);
      expect(crypto.fieldKeyIdOf(row.phoneEnc)).not.toBe(oldKeyId);
      expect(crypto.decryptField(row.idNumberEnc, { table: 'candidate', column: 'id_number', rowId: row.id })).toBe(people[n]!.idNumber);
      expect(crypto.decryptField(row.phoneEnc, { table: 'candidate', column: 'phone', rowId: row.id })).toBe(people[n]!.phone);
    }
  });

  it('does nothing on a second run once every field uses the current key', async () => {
    const report = await reencryptEncryptedFields(database.db, crypto, 2);
    expect(Object.values(report.columns).every((c) => c.reencrypted === 0)).toBe(true);
    expect(report.remaining).toBe(0);
  });

  it('knows every *_enc column of the schema', () => {
    const encrypted = (Object.values(schema) as unknown[])
      .filter((value): value is PgTable => is(value, PgTable))
      .flatMap((table) => {
        const config = getTableConfig(table);
        return config.columns.filter((c) => c.name.endsWith('_enc')).map((c) => `${config.name}.${c.name}`);
      });
    expect(encrypted.sort()).toEqual(ENCRYPTED_COLUMNS.map((c) => `${c.table}.${c.column}`).sort());
  });
});
