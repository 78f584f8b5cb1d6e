import { DRAW_STATUS_LABELS } from '@kaolu/contracts';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { createInterviewDrawReplay } from '../modules/interviews';
import { createAuditLog } from '../platform/audit';
import { createSoftwareCryptoProvider } from '../platform/crypto';
import { createDrawService } from '../platform/draws';
import { systemClock } from '../platform/time';

// `draw-replay <drawId>` (REG-08): prints a draw as the public page /draws/:id shows it — kind,
// scope, seed hash, times, seed (after the draw), input digest, result in codes, supersede chain —
// then recomputes it from the recorded input and seed. Exit code 0 = seed matches the published
// hash and the result matches, 1 = it does not (or the draw is unknown or not drawn), 2 = usage.

const drawId = process.argv[2];
if (!drawId || !/^[0-9a-f-]{36}$/i.test(drawId)) {
  console.error('用法：draw-replay <抽签记录编号>');
  process.exit(2);
}

const config = loadConfig();
const { provider: crypto } = await createSoftwareCryptoProvider({
  ...config.keys,
  dataDir: config.dataDir,
  isProduction: config.isProduction,
});
const database = await openDatabase(config.database);
try {
  const db = database.db;
  const draws = createDrawService({
    db,
    crypto,
    audit: createAuditLog({ db, crypto }),
    now: () => systemClock.now(),
  });
  // The same replayers and public summary the server registers (codes only, never names).
  const publicDraws = createInterviewDrawReplay({ db, draws });
  const d = await publicDraws.view(drawId);
  const lines = [
    `抽签类别：${d.kindLabel}`,
    `抽签范围：${d.scopeLabel}`,
    `状态：${DRAW_STATUS_LABELS[d.status]}`,
    `算法：${d.algorithm}`,
    `种子哈希（SM3，抽签前公布）：${d.seedHash}`,
    `公布时间：${d.committedAt}`,
    `抽签时间：${d.drawnAt ?? '尚未抽签'}`,
    `种子：${d.seed ?? '抽签后公开'}`,
    `输入摘要：${d.inputDigest ?? '抽签后生成'}`,
    ...(d.redrawReason ? [`重新抽签原因：${d.redrawReason}`] : []),
    ...(d.supersedes ? [`取代的抽签：${d.supersedes}`] : []),
    ...(d.supersededBy ? [`已被取代：${d.supersededBy}`] : []),
    ...d.summary.map((l) => `  ${l.label}：${l.codes.join('，')}`),
  ];
  console.log(lines.join('\n'));
  // Before the draw only the hash exists: nothing to replay yet, which is not a success.
  if (d.status === 'committed') {
    console.error('尚未抽签，无法复现。');
    process.exitCode = 1;
  } else {
    const r = await publicDraws.replay(drawId);
    console.log(
      `复现：种子与哈希${r.seedMatchesHash ? '一致' : '不一致'}，结果${r.resultMatches ? '一致' : '不一致'}`,
    );
    process.exitCode = r.seedMatchesHash && r.resultMatches ? 0 : 1;
  }
} catch (error) {
  console.error(`复现失败：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
