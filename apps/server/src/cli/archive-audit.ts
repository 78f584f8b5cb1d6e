import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { archiveAuditRange, createAuditLog, RETENTION_DAYS } from '../platform/audit';
import { createSoftwareCryptoProvider } from '../platform/crypto';

// `archive-audit --checkpoint <id> --out <folder> [--by <name>]` (REG-08 retention): exports every
// retained audit entry up to that signed checkpoint to a workbook and signature file in the folder,
// then drops them. Refused for entries younger than the retention period or a chain that fails.

const { values } = parseArgs({
  options: {
    checkpoint: { type: 'string' },
    out: { type: 'string' },
    by: { type: 'string', default: 'operator' },
  },
});
const checkpointId = Number(values.checkpoint);
if (!Number.isInteger(checkpointId) || checkpointId < 1 || !values.out) {
  console.error(
    `用法：archive-audit --checkpoint <签名检查点编号> --out <归档目录> [--by <操作人>]（仅归档 ${RETENTION_DAYS} 天以前的日志）`,
  );
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
  const audit = createAuditLog({ db: database.db, crypto });
  const result = await archiveAuditRange(database.db, crypto, audit, {
    checkpointId,
    directory: values.out,
    archivedBy: values.by,
    actor: { kind: 'system', id: `archive-audit:${values.by}` },
  });
  // A CLI has no seal timer: chain what is still pending before the process exits.
  await audit.seal();
  console.log(
    `已归档第 ${result.fromId}–${result.toId} 条审计日志（${result.count} 条）：\n  ${result.workbookPath}\n  ${result.manifestPath}`,
  );
} catch (error) {
  // The refusal reasons (too young, chain broken) are the message; the cause names the failing
  // step.
  const cause =
    error instanceof Error && error.cause instanceof Error ? `（${error.cause.message}）` : '';
  console.error(`归档失败：${error instanceof Error ? error.message : String(error)}${cause}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
