import { parseArgs } from 'node:util';
import { PhoneSchema, SECURITY_ROLES, type StaffRole } from '@kaolu/contracts';
import { loadConfig } from '../config';
import { anyRoleGranted, openStandaloneIdentity } from '../modules/identity';

// `create-admins --sys-admin USER:PHONE --sec-admin USER:PHONE --auditor USER:PHONE` (NFR-SEC-1):
// the first three administrators of a fresh database, one person each (三权分立). Prints one-time
// passwords valid 24 hours, to be changed at first login. Refuses once any of the roles exists.

const { values } = parseArgs({
  options: {
    'sys-admin': { type: 'string' },
    'sec-admin': { type: 'string' },
    auditor: { type: 'string' },
  },
});
const wanted: Array<[StaffRole, string | undefined]> = [
  ['sys_admin', values['sys-admin']],
  ['sec_admin', values['sec-admin']],
  ['auditor', values.auditor],
];
const specs = wanted.map(([role, spec]) => {
  const [username, phone] = (spec ?? '').split(':');
  if (!username || !phone || !PhoneSchema.safeParse(phone).success) {
    console.error(
      '用法: create-admins --sys-admin 用户名:手机号 --sec-admin 用户名:手机号 --auditor 用户名:手机号',
    );
    process.exit(2);
  }
  return { role, username, phone };
});
// Checked before touching the database: three different people is the point of 三权分立, so one
// account named for two roles (user names compare case-insensitively) is refused outright.
if (new Set(specs.map((s) => s.username.toLowerCase())).size !== 3) {
  console.error('三权分立：三个管理员必须是三个不同的账号');
  process.exit(2);
}

const { identity, database, close } = await openStandaloneIdentity(loadConfig());
try {
  if (await anyRoleGranted(database.db, SECURITY_ROLES)) {
    console.error(
      '已存在系统/安全/审计管理员，此命令只用于全新数据库；请由安全管理员在管理端分配角色。',
    );
    process.exit(1);
  }
  // No staff user exists yet to act as: the audit entries name this command as the actor.
  const system = { kind: 'system' as const, id: 'create-admins' };
  for (const spec of specs) {
    const created = await identity.staffUsers.create(
      { username: spec.username, displayName: spec.username, phone: spec.phone },
      system,
    );
    await identity.grants.grant(
      { staffUserId: created.userId, role: spec.role },
      system,
      'create-admins',
    );
    console.log(
      `${spec.role}\t${spec.username}\t一次性密码: ${created.oneTimePassword}\t有效期至 ${created.expiresAt}`,
    );
  }
  console.log('请将一次性密码分别交给本人；首次登录须修改密码。');
} finally {
  await close();
}
