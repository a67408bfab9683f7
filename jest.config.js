/** Suites: unit (shared/ rules), contract (database semantics), integration (functions), browser (H5). */
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/shared/$1' },
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }] },
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...common, displayName: 'contract', testMatch: ['<rootDir>/tests/contract/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      // fails a file whose queries no declared CloudBase index serves
      setupFilesAfterEnv: ['<rootDir>/tests/integration/indexes.setup.ts'],
    },
    // drives the H5 build in Debian's Chromium through the local host; `npm test` builds H5 first
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/e2e/**/*.test.ts'], setupFilesAfterEnv: ['<rootDir>/e2e/setup.ts'] },
  ],
};
