import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';

export default tseslint.config(
  { ignores: ['dist/', 'tmp/', 'examples/*/dist/', 'storybook-static/', 'node_modules/', 'bench/.cache/', 'custom-elements.json', 'src/locales/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  wcConfigs['flat/recommended'],
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Elements are registered by the thin entry modules through defineElement().
      'wc/define-tag-after-class-definition': 'off',
    },
  },
  {
    files: ['test/**/*.ts', 'stories/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      // Test doubles for context consumers and controllers are tiny elements defined inline.
      'wc/no-constructor-attributes': 'off',
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.js', 'bench/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', window: 'readonly', document: 'readonly', performance: 'readonly', requestAnimationFrame: 'readonly', requestIdleCallback: 'readonly', setTimeout: 'readonly', addEventListener: 'readonly', removeEventListener: 'readonly', Buffer: 'readonly' } },
  },
  {
    // The plain-HTML example's app.js runs in the page.
    files: ['examples/**/*.js'],
    languageOptions: { globals: { document: 'readonly', localStorage: 'readonly' } },
  },
);
