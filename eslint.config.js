import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const FEATURES = ['findings-table', 'finding-detail', 'attack-map', 'summary', 'overview'];
const LAYERS = ['guardduty', 'lib', 'api', 'view', 'components', 'features', 'app'];
/** The import patterns of every layer above LAYERS[i]. */
const above = (i) => LAYERS.slice(i + 1).length === 0 ? [] : [{
  group: LAYERS.slice(i + 1).map((l) => `**/${l}/**`),
  message: `Layers import downwards only (${LAYERS.join(' → ')}, bottom first).`,
}];
const SPA_ONLY = [{ group: ['**/server/**', '**/mocks/**', 'msw', 'msw/*'], message: 'The SPA talks to /api only; mocks stay out of the production bundle.' }];
const TESTS_THROUGH_SRC_TEST = { group: ['**/server/**', '**/mocks/**'], message: 'Tests import MSW and the emulator through src/test/msw.' };

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
  // One-way layers in the SPA, bottom to top: the contract (guardduty), pure helpers (lib), the
  // API client and query keys (api), what the analyst is looking at (view: URL state, filters,
  // router, scope), shared components, the features, and the app shell. A layer imports only
  // from layers below it; features do not import each other. src/test (test support) may import anything.
  ...LAYERS.map((layer, i) => ({
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: [...above(i), ...SPA_ONLY] }] },
  })),
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        ...above(LAYERS.indexOf('features')),
        { group: FEATURES.filter((f) => f !== feature).map((f) => `**/features/${f}/**`), message: 'Features talk through the view state and the query cache: import from src/view, src/api, src/components or src/lib instead.' },
        ...SPA_ONLY,
      ] }],
    },
  })),
  // Tests and the dev entry may start MSW (tests through src/test/msw, which wraps mocks/).
  {
    files: ['src/**/*.test.{ts,tsx}', 'src/**/test-utils.{ts,tsx}', 'src/app/dev-mocks.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  ...LAYERS.map((layer, i) => ({
    files: [`src/${layer}/**/*.test.{ts,tsx}`, `src/${layer}/**/test-utils.{ts,tsx}`],
    // The contract's own tests check it against the emulator's datasets directly.
    rules: { 'no-restricted-imports': ['error', { patterns: [...above(i), ...(layer === 'guardduty' ? [] : [TESTS_THROUGH_SRC_TEST])] }] },
  })),
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.test.{ts,tsx}`, `src/features/${feature}/**/test-utils.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        ...above(LAYERS.indexOf('features')),
        { group: FEATURES.filter((f) => f !== feature).map((f) => `**/features/${f}/**`), message: 'Import from src/view, src/api, src/components or src/lib instead.' },
        TESTS_THROUGH_SRC_TEST,
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
