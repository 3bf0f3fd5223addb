/** Two tiers (STYLE.md): pure unit specs next to the code, end-to-end suites on real Postgres and Redis. */
const tsJest = [
  'ts-jest',
  {
    tsconfig: 'tsconfig.json',
    isolatedModules: false,
    // The same swagger plugin as `nest build`, so the OpenAPI document in tests is the real one.
    astTransformers: {
      before: [{ path: '<rootDir>/test/support/swagger-plugin-transformer.js' }],
    },
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
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
      globalSetup: '<rootDir>/test/support/global-setup.js',
      globalTeardown: '<rootDir>/test/support/global-teardown.js',
      setupFiles: ['<rootDir>/test/support/test-env.js'],
    },
  ],
};
