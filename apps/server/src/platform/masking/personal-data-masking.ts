// Masked display of personal data (NFR-SEC-3): every API response shows these forms by default;
// the clear value needs its own permission, a reason and an audit entry. Rules work on Unicode
// characters (Array.from), so rare-character names outside the BMP are never split in half.

/** The kinds of personal data the serializer knows how to mask. */
export type PersonalDataKind = 'id_number' | 'phone' | 'name' | 'address' | 'email';

const chars = (value: string): string[] => Array.from(value.trim());
const stars = (count: number): string => '*'.repeat(Math.max(count, 0));

/** ID number: first 3 and last 4 kept, the rest starred ('310***********1234'); short input fully starred. */
export function maskIdNumber(value: string): string {
  const c = chars(value);
  if (c.length < 8) return stars(c.length);
  return c.slice(0, 3).join('') + stars(c.length - 7) + c.slice(-4).join('');
}

/** Phone: '138****5678' for mobiles; longer forms keep first 3 and last 4, shorter ones only the last 4. */
export function maskPhone(value: string): string {
  const c = chars(value);
  if (c.length >= 11) return c.slice(0, 3).join('') + stars(c.length - 7) + c.slice(-4).join('');
  if (c.length >= 5) return stars(c.length - 4) + c.slice(-4).join('');
  return stars(c.length);
}

/**
 * Name: one character → '*'; two → surname kept ('张三' → '张*'); three or more → first and last
 * kept ('李小明' → '李*明', '欧阳娜娜' → '欧**娜'), the usual display of Chinese public services.
 */
export function maskName(value: string): string {
  const c = chars(value);
  if (c.length <= 1) return stars(c.length);
  if (c.length === 2) return `${c[0]}*`;
  return c[0] + stars(c.length - 2) + c[c.length - 1];
}

/**
 * Address: the first 6 characters (about province, city and district, e.g. '上海市黄浦区') and a
 * fixed '****', so the length of the street part is not revealed; short input keeps half.
 */
export function maskAddress(value: string): string {
  const c = chars(value);
  if (c.length === 0) return '';
  return c.slice(0, Math.min(6, Math.floor(c.length / 2))).join('') + '****';
}

/** E-mail: first character of the mailbox, '***', then the domain ('z***@example.com'). */
export function maskEmail(value: string): string {
  const trimmed = value.trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0) return trimmed.length === 0 ? '' : `${chars(trimmed)[0]}***`;
  return `${chars(trimmed)[0]}***${trimmed.slice(at)}`;
}

const MASKERS: Record<PersonalDataKind, (value: string) => string> = {
  id_number: maskIdNumber,
  phone: maskPhone,
  name: maskName,
  address: maskAddress,
  email: maskEmail,
};

/** Masks one value by kind; null and undefined pass through so optional fields stay optional. */
export function maskPersonalData<T extends string | null | undefined>(
  value: T,
  kind: PersonalDataKind,
): T extends string ? string : T {
  type Result = T extends string ? string : T;
  if (value === null || value === undefined) return value as Result;
  return MASKERS[kind](value) as Result;
}

/** Copy of a record with the listed fields masked: the one call presenters make (NFR-SEC-3). */
export function maskPersonalFields<T extends Record<string, unknown>>(
  record: T,
  kinds: Partial<Record<keyof T & string, PersonalDataKind>>,
): T {
  const masked: Record<string, unknown> = { ...record };
  for (const [field, kind] of Object.entries(kinds) as Array<[string, PersonalDataKind | undefined]>) {
    const value = masked[field];
    if (kind && typeof value === 'string') masked[field] = maskPersonalData(value, kind);
  }
  return masked as T;
}
