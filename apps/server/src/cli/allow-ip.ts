import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openStandaloneIdentity } from '../modules/identity';

// `allow-ip CIDR [--note TEXT]` or `allow-ip --list` (REG-07): adds a back-office login allowlist
// entry from the server's shell, for first setup and for emergencies when nobody can log in.

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    note: { type: 'string', default: '命令行添加' },
    list: { type: 'boolean', default: false },
  },
});

// Goes through the identity module's service, like the UI, so the addition is audited as
// sec_admin's are.
const { identity, close } = await openStandaloneIdentity(loadConfig());
try {
  if (values.list) {
    const rows = await identity.allowlist.list();
    if (rows.length === 0) console.log('白名单为空：仅允许本机（127.0.0.1、::1）登录后台');
    for (const row of rows)
      console.log(`${row.cidr}\t${row.note}\t${row.createdBy}\t${row.createdAt.toISOString()}`);
  } else {
    const cidr = positionals[0];
    if (!cidr) {
      console.error('用法: allow-ip 10.0.0.0/8 [--note 备注] | allow-ip --list');
      process.exit(2);
    }
    const row = await identity.allowlist.add(
      { cidr, note: values.note ?? '' },
      { kind: 'system', id: 'allow-ip' },
      'allow-ip',
    );
    console.log(`已加入后台登录白名单: ${row.cidr}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await close();
}
