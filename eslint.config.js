import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const FEATURES = ['findings-table', 'finding-detail', 'attack-map', 'summary', 'overview'];

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'dist-demo', 'reports', 'test-results', 'playwright-report', 'public/mockServiceWorker.js', 'node_modules'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Finding text is attacker-influenced: it is rendered as text, never as HTML.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render finding text as text.' },
        { property: 'outerHTML', message: 'Render finding text as text.' },
        { property: 'insertAdjacentHTML', message: 'Render finding text as text.' },
        { property: 'bindPopup', message: 'Leaflet popups take HTML strings: render popups through React.' },
        { property: 'bindTooltip', message: 'Leaflet tooltips take HTML strings: render them through React.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render finding text as text.' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // The SPA never imports the server, and MSW only from tests and the dev entry.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/test/**', 'src/app/dev-mocks.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/server/**', '**/mocks/**', 'msw', 'msw/*'], message: 'The SPA talks to /api only; mocks stay out of the production bundle.' },
      ] }],
    },
  },
  // Features talk through the URL state and the query cache, not through each other's internals.
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: FEATURES.filter((f) => f !== feature).map((f) => `**/features/${f}/**`), message: 'Import from src/app, src/api, src/components or src/lib instead.' },
        { group: ['**/server/**', '**/mocks/**', 'msw', 'msw/*'], message: 'The SPA talks to /api only.' },
      ] }],
    },
  })),
  // A feature's tests (and their helpers) reach MSW and the emulator through src/test/msw; still not other features.
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.test.{ts,tsx}`, `src/features/${feature}/**/test-utils.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: FEATURES.filter((f) => f !== feature).map((f) => `**/features/${f}/**`), message: 'Import from src/app, src/api, src/components or src/lib instead.' },
        { group: ['**/server/**', '**/mocks/**'], message: 'Tests import MSW and the emulator through src/test/msw.' },
      ] }],
    },
  })),
  // The contract and the emulator are pure: no DOM, no Node APIs.
  {
    files: ['src/guardduty/**/*.ts', 'mocks/emulator/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'react', 'react-dom', '**/server/**'], message: 'The contract and the emulator are pure TypeScript.' }] }],
    },
  },
);
