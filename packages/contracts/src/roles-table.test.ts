import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from './permissions';
import { renderPermissionTable } from './roles-table';

describe('docs/roles.md', () => {
  it('shows the permission table exactly as the role catalogue defines it', () => {
    const doc = readFileSync(new URL('../../../docs/roles.md', import.meta.url), 'utf8');
    // Regenerate with: npx tsx packages/contracts/scripts/write-roles-doc.ts
    expect(doc).toContain(renderPermissionTable());
  });

  it('lists every permission of the catalogue in the table', () => {
    const table = renderPermissionTable();
    for (const permission of Object.keys(PERMISSIONS)) expect(table).toContain(`\`${permission}\``);
  });
});
