import { idNumberCheckDigit } from '@kaolu/domain';

// The API-wide scan (NFR-SEC-3): a test walks every JSON response and fails on anything that
// looks like a clear ID number, mobile number or landline with its area code. Letters and digits
// on either side disqualify a match, so hashes, tokens and longer numbers are not mistaken for
// personal data.

const ID_NUMBER = /(?<![0-9A-Za-z])(\d{17})([\dXx])(?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;
// Area code (010 and 02x: 3 digits, else 4), an optional dash or space, a local number that never
// starts with 0 or 1. A local number alone (63211234) is too like other 8-digit values to flag.
const LANDLINE = new RegExp(
  String.raw`(?<![0-9A-Za-z])\(?(?:0(?:10|2\d)\)?[\s-]?[2-9]\d{7}|0[3-9]\d{2}\)?[\s-]?[2-9]\d{6,7})(?![0-9A-Za-z])`,
);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
// A UUID's last group is 12 hex characters, now and then all digits: 057123456789 reads as a
// landline (0571 + 23456789). Request ids and row ids are UUIDs, never personal data, so they are
// blanked before matching; without this the scan fails about once in 5000 answers.
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** True when text holds an ID number with a valid check digit, a mainland mobile number or a landline. */
export function containsUnmaskedPersonalData(value: string): boolean {
  const text = value.replace(UUID, ' ');
  for (const match of text.matchAll(ID_NUMBER)) {
    if (idNumberCheckDigit(match[1]!) === match[2]!.toUpperCase()) return true;
  }
  return MOBILE.test(text) || LANDLINE.test(text);
}

function childPath(path: string, key: string): string {
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function walk(value: unknown, path: string, found: string[]): void {
  if (typeof value === 'string') {
    if (containsUnmaskedPersonalData(value)) found.push(path);
  } else if (typeof value === 'number') {
    // A phone sent as a JSON number leaks just the same.
    if (Number.isSafeInteger(value) && containsUnmaskedPersonalData(String(value)))
      found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, `${path}[${index}]`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const keyPath = childPath(path, key);
      // Maps keyed by phone or ID number leak through their keys.
      if (containsUnmaskedPersonalData(key)) found.push(`${keyPath} (key)`);
      walk(child, keyPath, found);
    }
  }
}

/** JSONPath-like paths ('$.data.items[0].phone') of every clear ID, mobile or landline number in a JSON value. */
export function findUnmaskedPersonalData(json: unknown): string[] {
  const found: string[] = [];
  walk(json, '$', found);
  return found;
}
