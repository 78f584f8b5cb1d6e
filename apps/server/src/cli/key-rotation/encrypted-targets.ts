import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../db/schema';
import { resealProfileSecrets } from '../../modules/profiles';
import type { FieldAssociatedData } from '../../platform/crypto';

// What rotate-keys re-encrypts (NFR-SEC-2): every encrypted column of the schema and every JSONB
// document holding field ciphertexts. A folder of its own, so the build does not take it for a
// command (every file directly in src/cli becomes one).

export type ColumnTarget = { table: string; column: string; adColumn: string };
type Reseal = (
  document: never,
  boundTo: string,
  reseal: (ciphertext: string, ad: FieldAssociatedData) => string,
) => unknown;
export type DocumentTarget = {
  table: string;
  column: string;
  key: string;
  boundTo: string;
  reseal: Reseal;
};

/**
 * Every encrypted column: each `*_enc` column of the schema, bound (as its writers bind it) to the
 * column name without `_enc` and the row's `id`. rotate-keys.test.ts checks every such table has an id.
 */
export const ENCRYPTED_COLUMNS: readonly ColumnTarget[] = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .flatMap((table) => {
    const config = getTableConfig(table);
    return config.columns
      .filter((c) => c.name.endsWith('_enc'))
      .map((c) => ({
        table: config.name,
        column: c.name,
        adColumn: c.name.slice(0, -'_enc'.length),
      }));
  });

// The demo seed's candidate.profile keeps an address ciphertext bound to the candidate row.
const resealDemoProfile = (
  document: { addressEnc?: string },
  candidateId: string,
  reseal: (c: string, ad: FieldAssociatedData) => string,
) =>
  document.addressEnc
    ? {
        ...document,
        addressEnc: reseal(document.addressEnc, {
          table: 'candidate',
          column: 'profile.address',
          rowId: candidateId,
        }),
      }
    : document;

/**
 * JSONB documents holding field ciphertexts. The profile document and its copies (versions, frozen
 * registration and application snapshots) stay bound to the candidate, so one function re-seals all.
 * A document still holding an old ciphertext after re-sealing is counted as remaining, never hidden.
 */
export const ENCRYPTED_DOCUMENTS: readonly DocumentTarget[] = [
  {
    table: 'candidate_profile',
    column: 'document',
    key: 'candidate_id',
    boundTo: 'candidate_id',
    reseal: resealProfileSecrets as Reseal,
  },
  {
    table: 'candidate_profile_version',
    column: 'document',
    key: 'id',
    boundTo: 'candidate_id',
    reseal: resealProfileSecrets as Reseal,
  },
  {
    table: 'exam_registration',
    column: 'profile_snapshot',
    key: 'id',
    boundTo: 'candidate_id',
    reseal: resealProfileSecrets as Reseal,
  },
  {
    table: 'position_application',
    column: 'profile_snapshot',
    key: 'id',
    boundTo: 'candidate_id',
    reseal: resealProfileSecrets as Reseal,
  },
  {
    table: 'candidate',
    column: 'profile',
    key: 'id',
    boundTo: 'id',
    reseal: resealDemoProfile as Reseal,
  },
];
