import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// INT-09g: the hospital portal reaches the exchange store only. Every file the hospital routes
// import (transitively, inside the server) is read, and the table files among them must be the
// exchange store's alone: no management table, no other module.

const here = path.dirname(new URL(import.meta.url).pathname);

/**
 * The relative value imports of a file, resolved to .ts paths. `import type` is left out: it is
 * erased from the running code, and a query needs the table object itself, not its type.
 */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'(\.[^']+)'/gms)].map((m) => {
    const target = path.resolve(path.dirname(file), m[1]!);
    for (const candidate of [`${target}.ts`, path.join(target, 'index.ts')])
      try {
        readFileSync(candidate);
        return candidate;
      } catch {
        // not this shape of path; try the next
      }
    throw new Error(`cannot resolve ${m[1]} from ${file}`);
  });
}

function reachable(...entries: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...importsOf(file));
  }
  return seen;
}

describe('hospital routes and the exchange store (INT-09g)', () => {
  // The routes and the service they are given (index.ts hands them service.hospital).
  const entries = ['hospital.routes.ts', 'hospital-results.ts'].map((f) => path.join(here, f));
  const files = [...reachable(...entries)].map((f) => path.relative(path.join(here, '../..'), f));

  it('reach no table but the exchange store’s', () => {
    expect(files.filter((f) => f.endsWith('.table.ts'))).toEqual([
      'modules/physical-exam/hospital-exchange.table.ts',
    ]);
  });

  it('use no management repository and no other module', () => {
    expect(files.filter((f) => f.startsWith('modules/')).sort()).toEqual([
      'modules/physical-exam/hospital-exchange.repository.ts',
      'modules/physical-exam/hospital-exchange.table.ts',
      'modules/physical-exam/hospital-result-sheet.ts',
      'modules/physical-exam/hospital-results.ts',
      'modules/physical-exam/hospital.routes.ts',
    ]);
  });
});
