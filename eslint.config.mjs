// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.vscode-test/', 'bench/.work/', 'scripts/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's test()/describe() return promises the runner itself awaits
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] }] },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // the language server talks to the client through LSP and its own log, never the console
  { files: ['server/**/*.ts'], rules: { 'no-console': 'error' } },
  // the client reaches the server only over LSP; the one module both sides share is the protocol
  {
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)server/(?!src/lsp/protocol$)',
              message: 'client/ may import only server/src/lsp/protocol from the server (the server runs in its own process).',
            },
          ],
        },
      ],
    },
  },
  // the debugger observes the engine and reads the language service; it is reached by the client
  // (inline adapter) and the CLI (`flowdeck debug-adapter`), and never reaches back
  {
    files: ['debug/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'debug/ runs outside VS Code too (flowdeck debug-adapter).' }],
          patterns: [
            { regex: '(^|/)(client|cli)/', message: 'debug/ may import only emulator/, server/, flowtest/ and the fnf event format of cloud/.' },
            { regex: '(^|/)cloud/(?!src/fnf/eventFormat$)', message: 'debug/ may import only emulator/, server/, flowtest/ and the fnf event format of cloud/.' },
            // a test case is debugged with the runner's own mocks and checks, through its public face
            { regex: '(^|/)flowtest/(?!src(/index)?$)', message: 'debug/ imports flowtest/ only through flowtest/src/index.ts.' },
          ],
        },
      ],
    },
  },
);
