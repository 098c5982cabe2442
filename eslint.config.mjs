import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The pricing and tokenizer cores are pure: no Apps Script services, no Node, no DOM.
    files: ['src/pricing/**/*.ts', 'src/tokens/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        'SpreadsheetApp',
        'HtmlService',
        'PropertiesService',
        'Utilities',
        'process',
        'require',
        'document',
        'window',
      ],
      'no-restricted-imports': ['error', { patterns: ['../sheets/*', '../sidebar/*'] }],
    },
  },
  {
    files: ['src/sidebar/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
