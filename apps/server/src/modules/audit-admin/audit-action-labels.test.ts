import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AUDIT_ACTION_LABELS,
  BrochureStatusSchema,
  JOB_KIND_LABELS,
  ListKindSchema,
} from '@kaolu/contracts';
import { describe, expect, it } from 'vitest';

// NFR-UX-1: the auditor reads every action in Chinese. An action written anywhere in the server
// without a label in the catalogue would show as a raw code, so this test reads the sources.
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(d.name) && !/\.test\.ts$|test-support/.test(d.name) ? [full] : [];
  });
}

describe('audit action catalogue', () => {
  it('labels every action the server records', () => {
    const written = new Set<string>();
    for (const file of sourceFiles(src))
      for (const m of readFileSync(file, 'utf8').matchAll(/action: '([a-z_]+\.[a-z_]+)'/g))
        written.add(m[1]!);
    // Actions built from a value: lists.service (`${kind}.changed`), brochures (`brochure.${to}`).
    for (const kind of ListKindSchema.options) written.add(`${kind}.changed`);
    for (const status of BrochureStatusSchema.options) written.add(`brochure.${status}`);

    expect(written.size).toBeGreaterThan(100);
    const missing = [...written].filter((a) => !(a in AUDIT_ACTION_LABELS)).sort();
    expect(missing).toEqual([]);
  });

  it('names every background job kind the server registers (the 后台任务 list)', () => {
    const kinds = new Set<string>();
    for (const file of sourceFiles(src))
      for (const m of readFileSync(file, 'utf8').matchAll(/_JOB = '([a-z_.-]+)'/g))
        kinds.add(m[1]!);
    expect(kinds.size).toBeGreaterThan(5);
    expect([...kinds].filter((k) => !(k in JOB_KIND_LABELS)).sort()).toEqual([]);
  });
});
