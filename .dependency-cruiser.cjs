/**
 * The import rules `npm run deps` (part of `npm test`) checks: no import cycles, and each top-level folder imports
 * only the folders below it. Layers, top to bottom:
 *
 *   bot/ (HTTP server, channels), cli/ (command line), bench/ (benchmarks; may also start the server from bot/)
 *   app/       the composition root: config, .env, keys, opening the store, building the services once
 *   staff/     staff accounts, sessions, audit, staff pages' controllers
 *   dialogs/   the conversation
 *   surveys/   survey definitions, engine, responses and results
 *   content/   what the bot says and knows: locales, the service directory (data, and the schemas that check it)
 *   store/     the storage port and its adapters
 *   lib/       tiny helpers with no project imports (paths, seeded random numbers)
 */
'use strict';

/** What each folder may import from the project, besides itself. */
const MAY_IMPORT = {
  bench: ['bot', 'app', 'staff', 'dialogs', 'surveys', 'content', 'store', 'lib'],
  bot: ['app', 'staff', 'dialogs', 'surveys', 'content', 'store', 'lib'],
  cli: ['app', 'staff', 'dialogs', 'surveys', 'content', 'store', 'lib'],
  app: ['staff', 'dialogs', 'surveys', 'content', 'store', 'lib'],
  staff: ['dialogs', 'surveys', 'content', 'store', 'lib'],
  dialogs: ['surveys', 'content', 'store', 'lib'],
  surveys: ['content', 'store', 'lib'],
  content: ['store', 'lib'],
  store: ['lib'],
  lib: [],
};
const FOLDERS = Object.keys(MAY_IMPORT);

const layerRules = FOLDERS.map((folder) => {
  const forbidden = FOLDERS.filter((other) => other !== folder && !MAY_IMPORT[folder].includes(other));
  return {
    name: `layer-${folder}`,
    comment: `${folder}/ may import only ${MAY_IMPORT[folder].map((f) => `${f}/`).join(', ') || 'node and packages'}`,
    severity: 'error',
    from: { path: `^${folder}/` },
    to: { path: `^(${forbidden.join('|')})/` },
  };
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules that import each other cannot be understood, tested or moved one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'http-only-in-bot',
      comment: 'Only bot/ (and the bench echo bot) knows about HTTP: the rest would move hosts without a rewrite.',
      severity: 'error',
      from: { pathNot: '^(bot|bench)/' },
      to: { path: '(^|/)node_modules/(@types/)?restify/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that leads nowhere (a moved or misspelt module).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle through types still ties the two modules together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // node_modules may be a symbolic link (git worktrees share one install); keep its paths as they are written.
    preserveSymlinks: true,
  },
};
