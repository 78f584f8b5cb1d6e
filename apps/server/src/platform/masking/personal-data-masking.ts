// Masked display of personal data (NFR-SEC-3): every API response shows these forms by default;
// the clear value needs its own permission, a reason and an audit entry. Rules work on Unicode
// characters (Array.from), so rare-character names outside the BMP are never split in half.

/** The kinds of personal data the serializer knows how to mask. */
export type PersonalDataKind = 'id_number' | 'phone' | 'landline' | 'name' | 'address' | 'email';

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

const MOBILE_DIGITS = /^(?:\+?86)?1[3-9]\d{9}$/;

/**
 * Landline (固定电话), e.g. a unit contact's office line: the area code and the first and last 4
 * digits of the local number stay ('021-63211234' → '021-6***1234'), so the office is recognisable
 * and the desk is not; an extension is starred whole. Area codes 010 and 02x have 3 digits, all
 * others 4, which splits a number typed without a dash. A mobile number gets the mobile rule; a
 * form not recognised keeps only its last 4 digits.
 */
export function maskLandline(value: string): string {
  const trimmed = value.trim();
  const digitsOf = (text: string) => text.replace(/\D/g, '');
  if (MOBILE_DIGITS.test(trimmed.replace(/[\s-]/g, ''))) return maskPhone(digitsOf(trimmed));
  // An extension follows a marker (转, 分机, ext, x, #) or a dash after a full local number.
  const split = /^(.*?)(?:\s*(?:转|分机|ext\.?|x|#)\s*|(?<=\d{7})-)(\d{1,6})$/i.exec(trimmed);
  const main = split ? split[1]! : trimmed;
  const extension = split ? split[2]! : '';
  const separated = /^(?:\((0\d{2,3})\)[\s-]*|(0\d{2,3})[\s-]+)(.*)$/.exec(main);
  let area = separated ? (separated[1] ?? separated[2]!) : '';
  let local = digitsOf(separated ? separated[3]! : main);
  if (!separated && local.startsWith('0') && local.length >= 10) {
    area = local.slice(0, /^0[12]/.test(local) ? 3 : 4);
    local = local.slice(area.length);
  }
  if (local.length < 7 || local.length > 8) return maskPhone(digitsOf(trimmed));
  const masked = `${local[0]}${stars(local.length - 5)}${local.slice(-4)}`;
  return `${area ? `${area}-` : ''}${masked}${extension ? `-${stars(extension.length)}` : ''}`;
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
  landline: maskLandline,
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
  for (const [field, kind] of Object.entries(kinds) as Array<
    [string, PersonalDataKind | undefined]
  >) {
    const value = masked[field];
    if (kind && typeof value === 'string') masked[field] = maskPersonalData(value, kind);
  }
  return masked as T;
}
