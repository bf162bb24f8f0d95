import js from '@eslint/js'
import astro from 'eslint-plugin-astro'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {ignores: ['**/dist/', '**/.astro/', '**/.sanity/', 'web/src/sanity.types.ts', '.lake/', 'dataset/']},
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {languageOptions: {globals: {...globals.node}}},
  {
    rules: {
      // Unused arguments named with a leading underscore document an interface we must accept.
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
    },
  },
)
