import { readdirSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';

// Bundle the server and its CLI commands into dist/. Workspace packages (@kaolu/*, TypeScript
// sources) are bundled in; npm dependencies stay external and load from node_modules.
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};

// Every command in src/cli becomes dist/cli/<name>.js, so new commands need no change here.
const commands = readdirSync('src/cli').filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
const entryPoints: Record<string, string> = { main: 'src/main.ts' };
for (const file of commands) entryPoints[`cli/${file.replace(/\.ts$/, '')}`] = `src/cli/${file}`;

await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  splitting: true,
  external: Object.keys(pkg.dependencies).flatMap((name) => [name, `${name}/*`]),
  logLevel: 'info',
});
