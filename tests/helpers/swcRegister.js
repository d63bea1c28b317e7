// Lets a child `node` process load our TypeScript directly (node -r ./tests/helpers/swcRegister.js bot/main.ts),
// so process-level tests (SIGTERM, kill -9) need no build step. Uses the same SWC that Jest uses.
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
