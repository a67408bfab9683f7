import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Lint holds the architecture's lines: shared/ stays pure, functions and pages do not import each other. */
export default tseslint.config(
  { ignores: ['node_modules/', 'client/dist/', 'build/', 'dist/', '.data/', 'coverage/', 'e2e/screenshots/', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@tarojs/*', '@cloudbase/*', 'wx-server-sdk', 'node:*'], message: 'shared/ is pure domain code: no Taro, CloudBase or Node imports.' },
            { group: ['fs', 'path', 'http', 'crypto', 'os', 'child_process'], message: 'shared/ is pure domain code: no Node built-ins.' },
            { group: ['../../cloudfunctions/*', '../../client/*', '../../host/*', '**/cloudfunctions/**', '**/client/**', '**/host/**'], message: 'shared/ depends on nothing of ours outside shared/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['cloudfunctions/**/*.ts'],
    ignores: ['cloudfunctions/_platform/**', 'cloudfunctions/_usecases/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./(?!_platform/|_usecases/)[^/]+/', message: 'A cloud function does not import another function; share code through shared/, _platform/ or _usecases/.' }, { group: ['**/host/**'], message: 'Functions never import the local host.' }] },
      ],
    },
  },
  {
    // plumbing (adapters, the function shell, ports, typed collections) knows nothing of the product's use cases
    files: ['cloudfunctions/_platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/_usecases/**', '../_usecases/*', '../*/handler', '../*/index'], message: '_platform/ is plumbing: it never imports use cases or functions.' }, { group: ['**/host/**'], message: 'Functions never import the local host.' }] },
      ],
    },
  },
  {
    // use cases build on plumbing and shared/ rules, never on a function
    files: ['cloudfunctions/_usecases/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./(?!_platform/)[^/]+/', message: '_usecases/ builds on _platform/ and shared/, never on a function.' }, { group: ['**/host/**'], message: 'Functions never import the local host.' }] },
      ],
    },
  },
  {
    files: ['client/src/pages/**/*.ts', 'client/src/pages/**/*.tsx', 'client/src/staff/**/*.ts', 'client/src/staff/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/pages/**', '../*/index', '../../*/index'], message: 'Pages do not import each other; move shared pieces to features/ or components/.' }] },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
