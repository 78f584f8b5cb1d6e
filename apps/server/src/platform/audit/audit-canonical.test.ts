import { describe, expect, it } from 'vitest';
import {
  encodeAuditEntry,
  encodeAuditEntryReference,
  normaliseDetails,
  type UnsealedEntry,
} from './audit-canonical';

const base: UnsealedEntry = {
  id: 42,
  occurredAt: new Date('2026-05-01T08:30:00.123Z'),
  actorKind: 'staff',
  actorId: 'u-1',
  actorName: '王五',
  actorRole: 'auditor',
  ip: '10.0.0.1',
  requestId: 'req-"quoted"\n',
  action: 'score.changed',
  targetType: 'score',
  targetId: 's-9',
  result: 'success',
  details: { z: 1, a: { y: [3, { b: null, a: 'x' }], x: '\u2028' }, 中文: '成绩' },
  prevMac: 'a'.repeat(64),
};

describe('audit entry encoding', () => {
  it('matches the generic canonical JSON for every kind of actor and value', () => {
    const variants: UnsealedEntry[] = [
      base,
      {
        ...base,
        actorKind: 'anonymous',
        actorId: null,
        actorName: null,
        actorRole: null,
        ip: null,
        requestId: null,
      },
      { ...base, targetType: null, targetId: null, details: {}, result: 'failure' },
      {
        ...base,
        id: 9_007_199_254_740_991,
        details: normaliseDetails({ big: 1e21, neg: -0.5, when: new Date(0), skip: undefined }),
      },
    ];
    for (const entry of variants) {
      expect(encodeAuditEntry(entry)).toBe(encodeAuditEntryReference(entry));
      expect(JSON.parse(encodeAuditEntry(entry))).toMatchObject({
        id: entry.id,
        prevMac: entry.prevMac,
      });
    }
  });

  it('gives the same text whatever the key order of details', () => {
    const reordered = {
      ...base,
      details: { 中文: '成绩', a: { x: '\u2028', y: [3, { a: 'x', b: null }] }, z: 1 },
    };
    expect(encodeAuditEntry(reordered)).toBe(encodeAuditEntry(base));
  });

  it('changes when any field or the previous MAC changes', () => {
    const text = encodeAuditEntry(base);
    expect(encodeAuditEntry({ ...base, id: 43 })).not.toBe(text);
    expect(encodeAuditEntry({ ...base, prevMac: 'b'.repeat(64) })).not.toBe(text);
    expect(
      encodeAuditEntry({
        ...base,
        details: { ...(base.details as Record<string, unknown>), z: 2 },
      }),
    ).not.toBe(text);
    expect(encodeAuditEntry({ ...base, actorRole: null })).not.toBe(text);
  });
});
