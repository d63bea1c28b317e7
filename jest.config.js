/** Jest runs TypeScript through SWC; type checking is `npm run typecheck`. */

// restify's spdy dependency (http-deceiver) reads process.binding('http_parser'), and Node warns (DEP0111) in every
// test process and every server a test starts. Only that warning is switched off: workers and child servers inherit
// NODE_OPTIONS from this process, so any other deprecation still shows. (Node 20.10 lacks the flag: it then warns.)
const QUIET_DEP0111 = '--disable-warning=DEP0111';
if (process.allowedNodeEnvironmentFlags.has('--disable-warning') && !process.env.NODE_OPTIONS?.includes(QUIET_DEP0111))
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${QUIET_DEP0111}`.trim();
// A single test file runs inside this process, which started before NODE_OPTIONS changed: drop the warning here too.
const emitWarning = process.emitWarning;
process.emitWarning = function emitWarningButDep0111(warning, ...options) {
  const code = typeof options[0] === 'object' ? options[0]?.code : options[1];
  if (code !== 'DEP0111') emitWarning.call(process, warning, ...options);
};

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests', '<rootDir>/staff'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest'],
    // strip-bom (used by @microsoft/app-manifest) ships only as an ES module; Jest needs it as CommonJS.
    'strip-bom.+\\.js$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@microsoft/app-manifest/node_modules/)?strip-bom/)'],
  testTimeout: 30000,
  globalSetup: '<rootDir>/tests/helpers/globalSetup.ts',
  maxWorkers: 2,
};
