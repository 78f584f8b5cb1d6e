// Import rules of the server and of the pure rules package (docs/ARCHITECTURE.md "Dependency rules",
// NFR-MNT-1). `npm run lint` runs them; cycles between module folders and module dependencies missing
// from the registry are checked after it by `apps/server/scripts/modules.ts --check`.
const SRC = '^apps/server/src/';
const MODULES = '^apps/server/src/modules/';
const INDEX = `${MODULES}[^/]+/index\\.ts$`;
// Tests and their helpers may also use another module's *.test-support.ts for fixtures.
const TEST_FILE = '(\\.test\\.ts|\\.test-support\\.ts|test-support/[^/]+\\.ts)$';
const TEST_SUPPORT = '\\.test-support\\.ts$';
const TABLE = '\\.table\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-internals',
      comment:
        'A module reaches another only through its index.ts (service, queries, types, module object).',
      severity: 'error',
      from: { path: `${MODULES}([^/]+)/`, pathNot: [TEST_FILE, TABLE] },
      to: { path: MODULES, pathNot: [`${MODULES}$1/`, INDEX] },
    },
    {
      name: 'table-imports-only-tables',
      comment:
        "A table file may import another module's table file, for a foreign key, and nothing else of it.",
      severity: 'error',
      from: { path: `${MODULES}([^/]+)/[^/]+${TABLE}` },
      to: { path: MODULES, pathNot: [`${MODULES}$1/`, INDEX, TABLE] },
    },
    {
      name: 'module-internals-in-tests',
      comment: 'A test reaches another module through its index.ts or its *.test-support.ts.',
      severity: 'error',
      from: { path: `${MODULES}([^/]+)/.*${TEST_FILE}` },
      to: { path: MODULES, pathNot: [`${MODULES}$1/`, INDEX, TEST_SUPPORT] },
    },
    {
      name: 'module-internals-from-outside',
      comment:
        'app, cli, seed and db use a module through its index.ts; only db/schema.ts gathers the tables.',
      severity: 'error',
      from: { path: SRC, pathNot: [MODULES, '^apps/server/src/db/schema\\.ts$', TEST_FILE] },
      to: { path: MODULES, pathNot: INDEX },
    },
    {
      name: 'module-internals-from-outside-tests',
      comment:
        'Tests outside modules/ reach a module through its index.ts or its *.test-support.ts.',
      severity: 'error',
      from: { path: `${SRC}(?!modules/).*${TEST_FILE}` },
      to: { path: MODULES, pathNot: [INDEX, TEST_SUPPORT] },
    },
    {
      name: 'platform-imports-modules',
      comment: 'platform/ is cross-cutting and never depends on a business module.',
      severity: 'error',
      from: { path: '^apps/server/src/platform/' },
      to: { path: MODULES },
    },
    {
      name: 'domain-no-io',
      comment:
        'packages/domain holds pure rules: no Node built-ins (node:*, fs, crypto, …) and no npm package.',
      severity: 'error',
      from: { path: '^packages/domain/src/', pathNot: '\\.test\\.ts$' },
      to: {
        dependencyTypes: [
          'core',
          'npm',
          'npm-dev',
          'npm-optional',
          'npm-peer',
          'npm-no-pkg',
          'npm-unknown',
          'unknown',
        ],
      },
    },
    {
      name: 'domain-imports-only-itself',
      comment:
        'packages/domain imports nothing of kaolu but its own files (no contracts, server or web).',
      severity: 'error',
      from: { path: '^packages/domain/src/' },
      to: { dependencyTypesNot: ['core'], pathNot: ['^packages/domain/', 'node_modules'] },
    },
    {
      name: 'no-file-cycles',
      comment: 'No runtime import cycle between server files.',
      severity: 'error',
      from: { path: SRC },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '/dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
