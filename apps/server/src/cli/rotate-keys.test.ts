import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/client';
import * as schema from '../db/schema';
import { findCandidateById } from '../modules/candidates';
import { updateTestCandidate } from '../modules/candidates/candidate.test-support';
import { findTestListEntries, insertTestListEntry } from '../modules/lists/list.test-support';
import { resealProfileSecrets, type StoredProfileDocument } from '../modules/profiles';
import {
  findTestProfileRow,
  updateTestProfileDocument,
} from '../modules/profiles/profile.test-support';
import {
  createCandidate,
  createOpenEvent,
  prepareCandidate,
  findTestRegistrationsOf,
  profileDocument,
} from '../modules/registrations/registration.test-support';
import {
  createSoftwareCryptoProvider,
  fieldUnderKeyPattern,
  rotateFieldKey,
  type CryptoProvider,
} from '../platform/crypto';
import { createTestApp, type TestApp } from '../test-support/test-app';
import {
  countRowsWithStaleCiphertexts,
  ENCRYPTED_COLUMNS,
  ENCRYPTED_DOCUMENTS,
  reencryptEncryptedFields,
} from './rotate-keys';

const dataDir = mkdtempSync(join(tmpdir(), 'kaolu-rotate-'));
const keyOptions = { dataDir, isProduction: false };
const ADDRESS = '上海市徐汇区漕溪北路100弄5号';
const PERMIT = 'SH2019030100123';
let t: TestApp;
let crypto: CryptoProvider;
const people: Array<{ candidateId: string; idNumber: string; headers: Record<string, string> }> =
  [];

/** Every plain value in a stored profile document's ciphertexts, decrypted where it is bound. */
function secretsOf(document: StoredProfileDocument, candidateId: string): string[] {
  const plain: string[] = [];
  resealProfileSecrets(document, candidateId, (ciphertext, ad) => {
    plain.push(crypto.decryptField(ciphertext, ad));
    return ciphertext;
  });
  return plain;
}

/** Rows of a table holding a ciphertext under `keyId` anywhere in the row. */
async function rowsUnder(table: string, keyId: string): Promise<number> {
  const rows = rowsOf<{ n: string | number }>(
    await t.database.db.execute(
      sql`select count(*) as n from ${sql.identifier(table)} r where r::text ~ ${fieldUnderKeyPattern(keyId)}`,
    ),
  );
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  t = await createTestApp({ dataDir });
  crypto = t.app.kaolu.crypto;
  const eventId = (await createOpenEvent(t.app)).id;
  // Candidates with a profile (address and permit number inside the JSONB document), two saved
  // versions, a registration that froze a snapshot, a demo-style profile and a greylist entry.
  for (let n = 0; n < 3; n += 1) {
    const c = await createCandidate(t.app, { region: '320102' });
    const document = profileDocument({
      hukou: { type: 'other', place: '江苏省南京市' },
      residencePermit: { number: PERMIT, issuedOn: '2019-03-01', validUntil: '2028-03-01' },
      education: [
        {
          level: 'master',
          degree: 'master',
          school: '复旦大学',
          major: '法学',
          startDate: '2019-09-01',
          endDate: '2022-07-01',
          fullTime: true,
        },
      ],
    });
    await prepareCandidate(t.app, c.headers, document);
    const again = await t.app.inject({
      method: 'PUT',
      url: '/api/candidate/profile',
      headers: c.headers,
      payload: { document, version: 1 },
    });
    expect(again.statusCode).toBe(200);
    t.app.kaolu.exchange.simulators.city!.setPerson(c.idNumber, {
      hukou: { shanghaiHukou: false, district: null },
      permit: { held: true, issuedOn: '2019-03-01', validUntil: '2028-03-01' },
      points: { held: true, points: 130, standardScore: 120 },
    });
    const reg = await t.app.inject({
      method: 'POST',
      url: '/api/candidate/registrations',
      headers: c.headers,
      payload: { eventId, examCategory: 'comprehensive' },
    });
    expect(reg.statusCode).toBe(200);
    await updateTestCandidate(t.database.db, c.candidateId, {
      profile: {
        addressEnc: crypto.encryptField(ADDRESS, {
          table: 'candidate',
          column: 'profile.address',
          rowId: c.candidateId,
        }),
      },
    });
    const entryId = { id: randomUUID() };
    await insertTestListEntry(t.database.db, {
      id: entryId.id,
      eventId,
      kind: 'greylist',
      idNumberBidx: crypto.blindIndex('id_number', `X${n}${c.idNumber}`),
      idNumberEnc: crypto.encryptField(c.idNumber, {
        table: 'list_entry',
        column: 'id_number',
        rowId: entryId.id,
      }),
      idNumberMasked: '310***********0000',
      note: '测试',
    });
    people.push(c);
  }
}, 120_000);
afterAll(() => t.close());

describe('rotate-keys', () => {
  it('re-encrypts every encrypted value, columns and JSONB documents alike, and resumes after a server wrote with the old key', async () => {
    const oldKeyId = crypto.currentFieldKeyId();
    // A second server instance that has not reloaded its keys yet.
    const stale = (await createSoftwareCryptoProvider(keyOptions)).provider;
    for (const table of [
      'candidate',
      'candidate_profile',
      'candidate_profile_version',
      'exam_registration',
      'list_entry',
    ]) {
      expect(await rowsUnder(table, oldKeyId), table).toBeGreaterThan(0);
    }

    const newKeyId = await rotateFieldKey(keyOptions);
    await crypto.reloadKeys();
    const first = await reencryptEncryptedFields(t.database.db, crypto, 2);
    expect(first).toMatchObject({ keyId: newKeyId, remaining: 0 });
    expect(first.columns['candidate.id_number_enc']).toMatchObject({ reencrypted: 3, failed: 0 });
    expect(first.columns['candidate_profile.document']).toMatchObject({
      reencrypted: 3,
      failed: 0,
    });
    expect(first.columns['candidate_profile_version.document']).toMatchObject({
      reencrypted: 6,
      failed: 0,
    });
    expect(first.columns['exam_registration.profile_snapshot']).toMatchObject({
      reencrypted: 3,
      failed: 0,
    });
    expect(first.columns['candidate.profile']).toMatchObject({ reencrypted: 3, failed: 0 });
    expect(await countRowsWithStaleCiphertexts(t.database.db, fieldUnderKeyPattern(oldKeyId))).toBe(
      0,
    );

    // The old instance saves a profile meanwhile: counted as remaining, then finished by --resume.
    const row = await findTestProfileRow(t.database.db, people[0]!.candidateId);
    const written = resealProfileSecrets(
      row!.document as StoredProfileDocument,
      people[0]!.candidateId,
      (c, ad) => stale.encryptField(crypto.decryptField(c, ad), ad),
    );
    await updateTestProfileDocument(t.database.db, people[0]!.candidateId, written);
    expect(await countRowsWithStaleCiphertexts(t.database.db, fieldUnderKeyPattern(oldKeyId))).toBe(
      1,
    );
    const resumed = await reencryptEncryptedFields(t.database.db, crypto, 2);
    expect(resumed.columns['candidate_profile.document']).toMatchObject({ reencrypted: 1 });
    expect(resumed.remaining).toBe(0);

    // No value anywhere is still under the old key, and every one decrypts to what was written.
    expect(await countRowsWithStaleCiphertexts(t.database.db, fieldUnderKeyPattern(oldKeyId))).toBe(
      0,
    );
    for (const table of [
      'candidate',
      'candidate_profile',
      'candidate_profile_version',
      'exam_registration',
      'list_entry',
    ]) {
      expect(await rowsUnder(table, newKeyId), table).toBeGreaterThan(0);
    }
    for (const p of people) {
      const person = await findCandidateById(t.database.db, p.candidateId);
      expect(
        crypto.decryptField(person!.idNumberEnc, {
          table: 'candidate',
          column: 'id_number',
          rowId: p.candidateId,
        }),
      ).toBe(p.idNumber);
      expect(
        crypto.decryptField((person!.profile as { addressEnc: string }).addressEnc, {
          table: 'candidate',
          column: 'profile.address',
          rowId: p.candidateId,
        }),
      ).toBe(ADDRESS);
      const profile = await findTestProfileRow(t.database.db, p.candidateId);
      expect(secretsOf(profile!.document as StoredProfileDocument, p.candidateId)).toEqual([
        ADDRESS,
        PERMIT,
      ]);
      const [registration] = await findTestRegistrationsOf(t.database.db, p.candidateId);
      expect(
        secretsOf(registration!.profileSnapshot as StoredProfileDocument, p.candidateId),
      ).toEqual([ADDRESS, PERMIT]);
      const view = (
        await t.app.inject({ method: 'GET', url: '/api/candidate/profile', headers: p.headers })
      ).json();
      expect(view.addressMasked).toMatch(/^上海市徐汇区/);
    }
    const entries = await findTestListEntries(t.database.db);
    expect(
      entries
        .map((e) =>
          crypto.decryptField(e.idNumberEnc, {
            table: 'list_entry',
            column: 'id_number',
            rowId: e.id,
          }),
        )
        .sort(),
    ).toEqual(people.map((p) => p.idNumber).sort());
  });

  it('does nothing on a second run once every value uses the current key', async () => {
    const report = await reencryptEncryptedFields(t.database.db, crypto, 2);
    expect(Object.values(report.columns).every((c) => c.reencrypted === 0 && c.failed === 0)).toBe(
      true,
    );
    expect(report.remaining).toBe(0);
  });

  it('reports, and leaves alone, a value that does not authenticate where it is stored', async () => {
    const p = people[1]!;
    // A ciphertext copied from another candidate's row: its binding does not match this row.
    const foreign = crypto.encryptField('伪造', {
      table: 'candidate',
      column: 'phone',
      rowId: people[2]!.candidateId,
    });
    await updateTestCandidate(t.database.db, p.candidateId, { phoneEnc: foreign });
    await rotateFieldKey(keyOptions);
    await crypto.reloadKeys();
    const report = await reencryptEncryptedFields(t.database.db, crypto, 2);
    expect(report.columns['candidate.phone_enc']).toMatchObject({ reencrypted: 2, failed: 1 });
    expect(report.remaining).toBe(1);
  });

  it('binds every *_enc column to its row id, and every document target to a JSONB column of the schema', () => {
    const tables = new Map(
      (Object.values(schema) as unknown[])
        .filter((v): v is PgTable => is(v, PgTable))
        .map((table) => [getTableConfig(table).name, getTableConfig(table)]),
    );
    expect(ENCRYPTED_COLUMNS.length).toBeGreaterThanOrEqual(6);
    for (const spec of ENCRYPTED_COLUMNS)
      expect(
        tables.get(spec.table)!.columns.some((c) => c.name === 'id' && c.primary),
        spec.table,
      ).toBe(true);
    for (const spec of ENCRYPTED_DOCUMENTS) {
      const columns = tables.get(spec.table)!.columns;
      expect(
        columns.find((c) => c.name === spec.column)?.getSQLType(),
        `${spec.table}.${spec.column}`,
      ).toBe('jsonb');
      expect(
        columns.some((c) => c.name === spec.key) && columns.some((c) => c.name === spec.boundTo),
      ).toBe(true);
    }
  });
});
