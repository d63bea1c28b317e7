/** Jest runs TypeScript through SWC; type checking is `npm run typecheck`. */
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
