// ESLint: typescript-eslint's recommended rules (type-aware rules would double
// the time of `npm test` for little gain over `tsc --noEmit`, which runs too).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'demo-output/', 'test-results/', 'playwright-report/', 'lib/lexicon/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Escapes such as \/ and \- inside character classes are kept where they make a pattern easier to read.
      'no-useless-escape': 'off',
      // Destructuring away a field (`const { a: _a, ...rest } = x`) is how records drop what a message must not carry.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Playwright fixtures must destructure their first argument even when they need none of it.
    files: ['tests/e2e/**', 'tests/e2e-firefox/**', 'tests/extension/e2e-support.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
