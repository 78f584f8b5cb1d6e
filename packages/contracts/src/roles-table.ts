import { PERMISSIONS, type Permission } from './permissions';
import { ROLES, type StaffRole } from './roles';

/** The role × permission table of docs/roles.md, rendered from the catalogue so the doc cannot drift. */
export function renderPermissionTable(): string {
  const roles = Object.keys(ROLES) as StaffRole[];
  const header = `| 权限 permission | 说明 | ${roles.map((r) => `${ROLES[r].label}<br>\`${r}\``).join(' | ')} |`;
  const rule = `|---|---|${roles.map(() => ':-:').join('|')}|`;
  const rows = (Object.keys(PERMISSIONS) as Permission[]).map((permission) => {
    const cells = roles.map((r) => (ROLES[r].permissions.includes(permission) ? '✓' : ' '));
    return `| \`${permission}\` | ${PERMISSIONS[permission]} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}
