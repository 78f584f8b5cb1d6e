import { execSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Builds web and server once before the browser tests, unless E2E_SKIP_BUILD=1 (already built). */
export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
