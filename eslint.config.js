import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['proto/generated/**', 'node_modules/**', '.temporal/**', '.caroni/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no Node APIs, no I/O.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'Workflow code must stay deterministic: no Node APIs.' },
            {
              group: [
                '@temporalio/client',
                '@temporalio/worker',
                '@temporalio/activity',
                'amqplib',
                'postgres',
                'pino',
              ],
              message: 'Workflow code must not do I/O.',
            },
            {
              group: [
                '../activities/*',
                '../proto/*',
                '../common/*',
                '../bridge/*',
                '../agent/*',
                '../db/*',
                '../api/*',
              ],
              allowTypeImports: true,
              message: 'Workflows import only types from outside workflows/.',
            },
          ],
        },
      ],
    },
  },
);
