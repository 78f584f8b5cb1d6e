import type { UnitContact, UnitContactInput } from '@kaolu/contracts';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { CryptoProvider, FieldAssociatedData } from '../../platform/crypto';
import { maskAddress, maskLandline, maskName } from '../../platform/masking';
import { unit } from './unit.table';

// A unit's contact person is personal data (NFR-SEC-2, NFR-SEC-3): the name, landline and address
// are sealed together as one SM4 ciphertext bound to the unit row, and every answer shows them
// masked. One ciphertext per unit keeps the three fields consistent and gives key rotation one
// `_enc` column to walk.

/** The clear contact, only ever inside the server. */
export type StoredUnitContact = { name?: string; phone?: string; address?: string };
const FIELDS = ['name', 'phone', 'address'] as const;

/** Associated data of the ciphertext: rotate-keys binds `<column>_enc` to `<column>` and the row id. */
const contactAd = (rowId: string): FieldAssociatedData => ({
  table: 'unit',
  column: 'contact',
  rowId,
});

/** Only the known fields, as non-empty trimmed text; null when nothing is left. */
function normalise(value: unknown): StoredUnitContact | null {
  if (typeof value !== 'object' || value === null) return null;
  const contact: StoredUnitContact = {};
  for (const field of FIELDS) {
    const text = (value as Record<string, unknown>)[field];
    if (typeof text === 'string' && text.trim() !== '') contact[field] = text.trim();
  }
  return Object.keys(contact).length > 0 ? contact : null;
}

/** The ciphertext of a contact for the unit row `rowId`, or null for no contact. */
export function sealUnitContact(
  crypto: CryptoProvider,
  rowId: string,
  contact: unknown,
): string | null {
  const clean = normalise(contact);
  return clean ? crypto.encryptField(JSON.stringify(clean), contactAd(rowId)) : null;
}

/** The clear contact of a unit row, or null. */
export function openUnitContact(
  crypto: CryptoProvider,
  row: { id: string; contactEnc: string | null },
): StoredUnitContact | null {
  if (!row.contactEnc) return null;
  return normalise(JSON.parse(crypto.decryptField(row.contactEnc, contactAd(row.id))));
}

/** The masked form every answer and audit entry carries. */
export function maskUnitContact(contact: StoredUnitContact | null): UnitContact | null {
  if (!contact) return null;
  return {
    nameMasked: contact.name ? maskName(contact.name) : null,
    phoneMasked: contact.phone ? maskLandline(contact.phone) : null,
    addressMasked: contact.address ? maskAddress(contact.address) : null,
  };
}

/** An edit applied to the stored contact: left-out fields stay, null or '' clears, text replaces. */
export function mergeUnitContact(
  before: StoredUnitContact | null,
  input: UnitContactInput | undefined,
): StoredUnitContact | null {
  const merged: Record<string, unknown> = { ...before };
  for (const field of FIELDS) {
    const value = input?.[field];
    if (value !== undefined) merged[field] = value;
  }
  return normalise(merged);
}

/**
 * Seals contacts still in the clear `contact` column (written before encryption) into contact_enc
 * and empties the column. A SQL migration cannot do this, the keys live outside the database. It
 * runs at every start (after the first, a scan of a table of some hundred rows finds nothing) and
 * is safe with several instances starting together: a row is updated only while it is still clear.
 */
export async function sealLegacyUnitContacts(db: DbOrTx, crypto: CryptoProvider): Promise<number> {
  const rows = await db
    .select({ id: unit.id, legacy: unit.legacyContact, contactEnc: unit.contactEnc })
    .from(unit)
    .where(isNotNull(unit.legacyContact));
  let sealed = 0;
  for (const row of rows) {
    // A row that somehow has both keeps its ciphertext: the service writes only contact_enc.
    const contactEnc = row.contactEnc ?? sealUnitContact(crypto, row.id, row.legacy);
    const updated = await db
      .update(unit)
      .set({ contactEnc, legacyContact: null })
      .where(
        and(
          eq(unit.id, row.id),
          isNotNull(unit.legacyContact),
          row.contactEnc ? undefined : isNull(unit.contactEnc),
        ),
      )
      .returning({ id: unit.id });
    sealed += updated.length;
  }
  return sealed;
}
