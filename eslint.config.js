import js from '@eslint/js'
import astro from 'eslint-plugin-astro'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {ignores: ['**/dist/', '**/.astro/', '**/.sanity/', 'web/src/sanity.types.ts', '.lake/', 'dataset/']},
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: {...globals.node},
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.config.ts', '*.config.js'],
          // Root config files are in no package's tsconfig. Check them with the shared compiler
          // options: without strictNullChecks several of the preset's rules cannot work.
          defaultProject: 'tsconfig.base.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    rules: {
      // Unused arguments named with a leading underscore document an interface we must accept.
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
      // Numbers read naturally in messages (`${count} documents`); other non-strings still need String().
      '@typescript-eslint/restrict-template-expressions': ['error', {allowNumber: true}],
      // `(x) => doSomething(x)` as a callback is clearer than wrapping it in braces to drop a void.
      '@typescript-eslint/no-confusing-void-expression': ['error', {ignoreArrowShorthand: true}],
    },
  },
  {
    // astro-eslint-parser cannot use the project service; `astro check` type-checks these files.
    // Plain JavaScript files have no types to check.
    files: ['**/*.astro', '**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
)
