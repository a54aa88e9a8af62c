// Lint rules: TypeScript, React hooks, accessibility (jsx-a11y), literal text, and the folder
// boundaries (engine, storage, content, features, first page) that keep the design honest.
import js from '@eslint/js';
import globals from 'globals';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import i18next from 'eslint-plugin-i18next';
import { readdirSync } from 'node:fs';

// zod must come through src/engine/zod.ts, which turns off its eval probe for the strict CSP.
const configuredZod = {
  name: 'zod',
  message: 'Import z from src/engine/zod.ts: it is configured so zod never trips the Content Security Policy.',
};

// Feature folders: each is a page or a part of one, and never imports another, statically or with
// a lazy `import()` (code both need lives in features/shared; the app shell composes features).
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
  .map((entry) => entry.name);
const FEATURE_MESSAGE = 'Features never import each other: move what both need to src/features/shared.';
const featureZones = FEATURES.map((feature) => {
  const others = FEATURES.filter((other) => other !== feature).join('|');
  const otherFeature = `^\\.\\./(${others})(/|$)|/features/(${others})/`;
  return {
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [configuredZod],
          patterns: [
            { regex: otherFeature, message: FEATURE_MESSAGE },
            {
              // The app shell (router, layout, i18n set-up) imports the features, never the reverse.
              regex: '^\\.\\./\\.\\./app/(?!services$|performanceMarks$)',
              message: 'Features use the app only through services and performance marks, never its shell.',
            },
          ],
        },
      ],
      // no-restricted-imports does not look at `import()`, which a lazy section would use.
      'no-restricted-syntax': [
        'error',
        {
          selector: `ImportExpression[source.value=/${otherFeature.replaceAll('/', '\\/')}/]`,
          message: FEATURE_MESSAGE,
        },
      ],
    },
  };
});

// The modules of the first page (the dashboard and the shell around every page) must not pull in
// XState, Dexie or zod, which load only with the pages that need them. Type imports are free.
// tests/lint/boundaries.test.ts walks the first page's imports from src/main.tsx and fails when
// one of them is missing here.
const FIRST_PAGE = [
  'src/main.tsx',
  'src/app/**/*.{ts,tsx}',
  'src/features/dashboard/**/*.{ts,tsx}',
  'src/features/shared/{CpdMinutes,LanguageSwitcher,nation,NotFoundPage,PageHeading,StatusTag,useStoredProgress}.{ts,tsx}',
  'src/features/offline/**/*.{ts,tsx}',
  'src/features/safety/**/*.{ts,tsx}',
  'src/features/settings/displaySettings.ts',
  'src/organisation/organisation.ts',
  'src/content/catalog.ts',
  'src/storage/storedProgress.ts',
  'src/storage/moduleOverview.ts',
  'src/storage/recordKeys.ts',
  'src/storage/webStorage.ts',
  'src/storage/progressStore.ts',
  'src/engine/content.ts',
  'src/engine/contentKeys.ts',
  'src/engine/contentHash.ts',
  'src/engine/moduleScore.ts',
  'src/engine/shuffle.ts',
];
const firstPageZone = {
  files: FIRST_PAGE,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['xstate', 'xstate/*', '@xstate/*', 'dexie', 'dexie-*', 'zod', 'zod/*'],
            allowTypeImports: true,
            message: 'The first page must not load XState, Dexie or zod: import it from a page that loads later.',
          },
          {
            regex:
              '(^|/)(engine/(lessonMachine|moduleMachine|lessonRestore|lessonView|contentSchema|zod)|storage/(database|moduleCompletion|lessonStep|backup))$',
            allowTypeImports: true,
            message: 'This module loads XState, Dexie or zod; the first page may import only its types.',
          },
        ],
      },
    ],
  },
};

// A step kind's file builds its schema from the parts contentSchema.ts hands it, so the engine's
// runtime (the lesson player) never loads zod: the kinds may import zod's and the schema's types only.
const stepKindZone = {
  files: ['src/engine/steps/**/*.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^(zod(/.*)?|\\.\\./(zod|contentSchema))$',
            allowTypeImports: true,
            message:
              'A step kind takes zod from the schema parts it is given (StepSchemaParts): import only types here.',
          },
        ],
      },
    ],
  },
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
  ...featureZones,
  firstPageZone,
  stepKindZone,
);
