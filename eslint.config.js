// Lint rules: TypeScript, React hooks, accessibility (jsx-a11y), and the one boundary that keeps
// the design honest: the engine never imports the UI, storage or app code.
import js from '@eslint/js';
import globals from 'globals';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import i18next from 'eslint-plugin-i18next';

// zod must come through src/engine/zod.ts, which turns off its eval probe for the strict CSP.
const configuredZod = {
  name: 'zod',
  message: 'Import z from src/engine/zod.ts: it is configured so zod never trips the Content Security Policy.',
};

export default tseslint.config(
  {
    ignores: ['dist', 'dist-lms', 'packages', '.cache', 'node_modules', 'reports', 'test-results', 'playwright-report'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/**/*.tsx', 'tests/**/*.tsx'],
    ...jsxA11y.flatConfigs.strict,
  },
  {
    // Every word a learner sees comes from locales/ through i18next; only symbols may be literal.
    files: ['src/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        { mode: 'jsx-text-only', words: { exclude: ['^[\\s✓✗·›:,.()\\[\\]•-]*$'] } },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/engine/zod.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [configuredZod] }] },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/zod.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [configuredZod],
          patterns: [
            {
              group: ['react', 'react-dom', 'react-*', '@xstate/react', '@tanstack/*'],
              message: 'The engine is plain TypeScript: no UI.',
            },
            {
              group: ['dexie', 'dexie-*'],
              message: 'The engine never touches storage: provide side effects from outside.',
            },
            { group: ['i18next', 'react-i18next'], message: 'The engine works with ids; words belong to the UI.' },
            {
              group: ['**/features/**', '**/storage/**', '**/app/**', '**/content/**'],
              message: 'The engine must not import the app, storage or content loading.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/storage/**/*.ts', 'src/content/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [configuredZod],
          patterns: [
            {
              group: ['**/features/**', '**/app/**', 'react', 'react-dom'],
              message: 'Storage and content loading must not depend on the UI.',
            },
          ],
        },
      ],
    },
  },
);
