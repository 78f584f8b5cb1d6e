import { readFileSync, writeFileSync } from 'node:fs';
import { renderPermissionTable } from '../src/roles-table';

// Rewrites the "## Permission table" of docs/roles.md from the role catalogue (a test checks it).
const file = new URL('../../../docs/roles.md', import.meta.url);
const doc = readFileSync(file, 'utf8');
const start = doc.indexOf('| 权限 permission |');
const end = doc.indexOf('\n\n', start);
writeFileSync(file, doc.slice(0, start) + renderPermissionTable() + doc.slice(end));
console.log('docs/roles.md 权限表已更新');
