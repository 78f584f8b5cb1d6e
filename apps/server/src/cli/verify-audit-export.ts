import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyAuditExport } from '../platform/audit';

// `verify-audit-export <workbook.xlsx> <signature.sig.json> --public-key <hex or file>` (REG-08).
// Runs on the auditor's own machine: no database, no key file, only the published SM2 public key.
// Exit code 0 = intact, 1 = tampered or not signed by that key, 2 = wrong usage.

const USAGE =
  '用法：verify-audit-export <日志.xlsx> <签名文件.sig.json> --public-key <SM2 公钥十六进制或公钥文件>';

function readPublicKey(value: string): string {
  // A path to a file holding the key, or the key itself ('04' ‖ x ‖ y, 130 hex digits).
  return (existsSync(value) ? readFileSync(value, 'utf8') : value).trim();
}

const { values, positionals } = parseArgs({
  options: { 'public-key': { type: 'string' } },
  allowPositionals: true,
});
const [workbookPath, manifestPath] = positionals;
const publicKey = values['public-key'];
if (!workbookPath || !manifestPath || !publicKey) {
  console.error(USAGE);
  process.exit(2);
}

const result = await verifyAuditExport({
  workbook: readFileSync(workbookPath),
  manifestText: readFileSync(manifestPath, 'utf8'),
  publicKeyHex: readPublicKey(publicKey),
});
const manifest = result.manifest;
if (manifest) {
  console.log(
    `导出范围：第 ${manifest.fromId}–${manifest.toId} 条，共 ${manifest.count} 条；导出时间 ${manifest.exportedAt}，导出人 ${manifest.exportedBy}`,
  );
}
if (result.ok) {
  console.log(
    `验证通过：${result.rowsChecked} 条日志完整、前后相链，${result.checkpointsVerified} 个签名检查点有效。`,
  );
  // The signature covers the rows' content, so a workbook re-saved by Excel still verifies.
  if (!result.workbookUnchanged)
    console.log('注意：工作簿文件字节与导出时不同（例如被重新保存），但每条日志内容均未改变。');
  process.exit(0);
}
const where = result.problem?.excelRow ? `（工作簿第 ${result.problem.excelRow} 行）` : '';
console.error(`验证失败：${result.problem?.message ?? '未知原因'}${where}`);
process.exit(1);
