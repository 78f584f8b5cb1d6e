/**
 * National-scale benchmark of the domain engines: `npm run bench -w @kaolu/domain`, or
 * `npm run bench:quick` (BENCH_SCALE=0.02) for a short smoke run. Prints a markdown table.
 */
import os from 'node:os';
import { rankColumns, selectInterviewColumns } from '../src/index';
import { generateCandidates, generatePositions } from './generate';
import { measure, printTable, type Row } from './measure';
import { naiveRank } from './naive';
import { listInSql, loadData, rankInSql, withScratchDatabase } from './sql-baseline';
import {
  benchAdjustment,
  benchAllocation,
  benchDispatch,
  benchEligibility,
  benchResults,
} from './engines-bench';

const scale = Number(process.env.BENCH_SCALE ?? (process.argv.includes('--quick') ? '0.02' : '1'));
const N = Math.round(3_700_000 * scale);
const P = Math.max(50, Math.round(20_000 * scale));
const rows: Row[] = [];
const log = (text: string): void =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`);

async function main(): Promise<void> {
  log(
    `${os.cpus().length} cores, node ${process.version}, scale ${scale}: ${N} candidates, ${P} positions`,
  );
  const positions = generatePositions(P);
  const cand = generateCandidates(N, P);

  log('ranking (columnar radix)');
  const ranked = await measure(() =>
    rankColumns(N, {
      partition: cand.position,
      keys: [
        { values: cand.composite, order: 'desc' },
        { values: cand.written, order: 'desc' },
        { values: cand.professional, order: 'desc' },
      ],
    }),
  );
  let checksum = 0n;
  for (let i = 0; i < N; i++) checksum += BigInt(ranked.result.rank[i]! * (i % 1000));

  log('interview lists (columnar)');
  const listed = await measure(() =>
    selectInterviewColumns({
      candidatePosition: cand.position,
      candidateScore: cand.written,
      positionQuota: positions.quota,
      positionCutoff: positions.cutoff,
    }),
  );
  const selected = listed.result.selected.reduce((s, v) => s + v, 0);

  log('PostgreSQL baseline: load, rank(), interview list');
  const sql = await withScratchDatabase(async (client) => {
    const load = await measure(() => loadData(client, cand, positions));
    log(`loaded in ${(load.m.ms / 1000).toFixed(1)} s`);
    return { rank: await rankInSql(client), list: await listInSql(client), loadMs: load.m.ms };
  });
  rows.push({
    engine: 'ranking (3-key chain, by position)',
    n: `${N.toLocaleString('en-US')}`,
    m: ranked.m,
    items: N,
    baseline: 'SQL rank() OVER',
    baselineMs: sql.rank.ms,
    note: sql.rank.checksum === checksum ? 'ranks identical to SQL' : 'RANKS DIFFER FROM SQL',
  });
  rows.push({
    engine: 'interview lists 1:3 + ties',
    n: `${N.toLocaleString('en-US')} / ${P.toLocaleString('en-US')} pos`,
    m: listed.m,
    items: N,
    baseline: 'SQL rank() ≤ quota',
    baselineMs: sql.list.ms,
    note:
      sql.list.selected === selected
        ? `${selected.toLocaleString('en-US')} listed, same as SQL`
        : `LISTS DIFFER: ${selected} vs ${sql.list.selected}`,
  });

  log('ranking, naive object sort');
  const objects = Array.from({ length: N }, (_, i) => ({
    id: i,
    p: cand.position[i]!,
    a: cand.composite[i]!,
    b: cand.written[i]!,
    c: cand.professional[i]!,
  }));
  const naive = await measure(() => naiveRank(objects));
  objects.length = 0;
  rows.push({
    engine: 'ranking (3-key chain, by position)',
    n: `${N.toLocaleString('en-US')}`,
    m: ranked.m,
    items: N,
    baseline: 'JS object sort',
    baselineMs: naive.m.ms,
    note: `naive peak rss ${naive.m.peakRssMb} MB`,
  });
  naive.result.clear();

  rows.push(...(await benchEligibility(N, P, log)));
  rows.push(...(await benchAdjustment(cand, positions, listed.result, scale, log)));
  rows.push(...(await benchAllocation(cand, positions, scale, log)));
  rows.push(...(await benchDispatch(scale, log)));
  rows.push(...(await benchResults(scale, log)));
  log(`PostgreSQL load took ${(sql.loadMs / 1000).toFixed(1)} s (not part of any timing)`);
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
