#!/usr/bin/env node
// Comment ratio of the web code for NFR-MNT-1 (comments ≥ 10 % of code lines): comment lines /
// (code + comment) lines, blank lines left out, for .ts and .vue separately and overall.
// A line is a comment line when, trimmed, it starts a comment (//, /*, <!--) or lies inside a block
// comment; a code line with a trailing comment counts as code. Unit tests (*.test.ts) are left out
// unless --with-tests is given, since the requirement is about the application's code.
//
// Usage: node apps/web/scripts/comment-ratio.mjs [dir] [--with-tests]   (dir defaults to apps/web/src)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const withTests = args.includes('--with-tests');
const root = resolve(
  args.find((a) => !a.startsWith('--')) ??
    join(fileURLToPath(new URL('.', import.meta.url)), '../src'),
);

/** Every .ts and .vue file under dir, skipping declaration files and (by default) tests. */
function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (
      /\.(ts|vue)$/.test(name) &&
      !name.endsWith('.d.ts') &&
      (withTests || !name.endsWith('.test.ts'))
    )
      yield path;
  }
}

/** Counts comment and code lines of one file's text. */
export function countLines(text) {
  let comment = 0;
  let code = 0;
  let closer = null; // the token that ends the block comment we are in: '*/' or '-->'
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (closer) {
      comment++;
      if (line.includes(closer)) closer = null;
      continue;
    }
    if (line.startsWith('//')) comment++;
    else if (line.startsWith('/*') || line.startsWith('<!--')) {
      comment++;
      const end = line.startsWith('/*') ? '*/' : '-->';
      if (!line.slice(2).includes(end)) closer = end;
    } else code++;
  }
  return { comment, code };
}

const totals = { ts: { comment: 0, code: 0, files: 0 }, vue: { comment: 0, code: 0, files: 0 } };
for (const file of sourceFiles(root)) {
  const kind = file.endsWith('.vue') ? 'vue' : 'ts';
  const { comment, code } = countLines(readFileSync(file, 'utf8'));
  totals[kind].comment += comment;
  totals[kind].code += code;
  totals[kind].files++;
}

const pct = ({ comment, code }) => (comment + code === 0 ? 0 : (100 * comment) / (comment + code));
const row = (label, t) =>
  `${label.padEnd(8)} ${String(t.files).padStart(5)} files ${String(t.comment).padStart(6)} comment ${String(t.code).padStart(7)} code  ${pct(t).toFixed(1)} %`;
const all = {
  files: totals.ts.files + totals.vue.files,
  comment: totals.ts.comment + totals.vue.comment,
  code: totals.ts.code + totals.vue.code,
};
console.log(`comment ratio of ${root}${withTests ? ' (tests included)' : ''}`);
console.log(row('.ts', totals.ts));
console.log(row('.vue', totals.vue));
console.log(row('overall', all));
