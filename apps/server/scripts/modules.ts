// `npm run modules`: prints the module graph of the registry (modules in order, each with what it
// depends on). `--check` (run by `npm run lint`) also compares it with the imports: no cycle
// between module folders, and every import of another module is a dependency the registry
// declares (NFR-MNT-1). dependency-cruiser finds the imports; this file folds them to folders.
// A developer tool outside src/: the server bundle (build.ts bundles every src/cli command) must not
// pull in dependency-cruiser, a development dependency.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { kaoluModules } from '../src/module-registry';
import { checkModuleOrder, findCycle } from '../src/platform/modules/module-registry';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const MODULE_OF = /^apps\/server\/src\/modules\/([^/]+)\//;
const TEST = /(\.test\.ts|\.test-support\.ts)$/;

/** Module folder → the module folders its non-test files import. */
async function importedModules(): Promise<Map<string, Set<string>>> {
  process.chdir(repoRoot);
  const result = await cruise(
    ['apps/server/src/modules'],
    {
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
      exclude: { path: ['node_modules', '\\.test\\.ts$', '\\.test-support\\.ts$'] },
    },
    { extensions: ['.ts', '.js'] },
    { tsConfig: { options: {} } } as never,
  );
  const edges = new Map<string, Set<string>>();
  for (const m of (result.output as ICruiseResult).modules) {
    const from = MODULE_OF.exec(m.source)?.[1];
    if (!from || TEST.test(m.source)) continue;
    for (const d of m.dependencies) {
      const to = MODULE_OF.exec(d.resolved)?.[1];
      if (!to || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
  }
  return edges;
}

async function main(): Promise<void> {
  const modules = kaoluModules();
  const check = process.argv.includes('--check');
  // Without --check: the printout for a reader, in the order buildApp registers the modules.
  if (!check) {
    console.log('Modules in registry order (each after what it depends on):');
    modules.forEach((m, i) =>
      console.log(
        `${String(i + 1).padStart(2)}. ${m.name}${m.dependsOn.length ? ` → ${m.dependsOn.join(', ')}` : ''}`,
      ),
    );
    return;
  }
  // Every problem is collected before exiting, so one lint run lists them all.
  const problems: string[] = [];
  try {
    checkModuleOrder(modules);
  } catch (error) {
    problems.push((error as Error).message);
  }
  const imports = await importedModules();
  const graph = [...imports].map(([name, deps]) => ({ name, dependsOn: [...deps] }));
  // Cycles are sought in the real imports, not in dependsOn: a dependency nobody declared would
  // hide one.
  const cycle = findCycle(graph);
  if (cycle) problems.push(`import cycle between module folders: ${cycle.join(' → ')}`);
  // Each import of another module must be declared, so the registry's order stays truthful.
  const declared = new Map<string, Set<string>>(modules.map((m) => [m.name, new Set(m.dependsOn)]));
  for (const [from, tos] of imports) {
    if (!declared.has(from)) {
      problems.push(`modules/${from} is not in the registry (src/module-registry.ts)`);
      continue;
    }
    for (const to of tos)
      if (!declared.get(from)!.has(to))
        problems.push(`modules/${from} imports modules/${to} but does not declare it in dependsOn`);
  }
  if (problems.length) {
    console.error(`✘ module graph: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `✔ module graph: ${modules.length} modules, no cycle, every cross-module import declared`,
  );
}

await main();
