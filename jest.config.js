/**
 * Two tiers (STYLE.md): pure unit specs next to the code, end-to-end suites on real Postgres and Redis.
 * SWC only strips types: `nest build` (which scripts/test.sh runs first) is the type-check, so the
 * tests do not pay for a second one. What SWC cannot do is run the swagger compiler plugin: suites
 * that read the OpenAPI document get the compiled app's (test/support/openapi-document.js).
 */
const swc = [
  '@swc/jest',
  {
    // The tsconfig.json semantics Nest depends on: legacy decorators with design:type metadata for
    // injection and TypeORM, class names kept (Nest tokens, error names), ES2022 class fields.
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      transform: { '^.+\\.ts$': swc },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform: { '^.+\\.ts$': swc },
      globalSetup: '<rootDir>/test/support/global-setup.js',
      globalTeardown: '<rootDir>/test/support/global-teardown.js',
      setupFiles: ['<rootDir>/test/support/test-env.js'],
    },
  ],
};
