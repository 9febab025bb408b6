// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { PRODUCT_FOLDERS } from './eslint/architecture.mjs';
import publicFaces from './eslint/rules/public-faces.mjs';

// js-yaml is required, not imported: a bundler then picks its CommonJS build, the faster one
// (server/src/parse/yaml.ts), and every bundle holds that one copy instead of both builds.
const JS_YAML_BY_REQUIRE = {
  selector: "ImportDeclaration[source.value='js-yaml'][importKind!='type']",
  message: "Use `import jsYaml = require('js-yaml')`: an import brings js-yaml's second, slower ES module build into the bundle (see server/src/parse/yaml.ts).",
};

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
  // who may import whom: one table, eslint/architecture.mjs, checked on each import resolved to a file
  {
    files: PRODUCT_FOLDERS.map((folder) => `${folder}/**/*.ts`),
    plugins: { flowdeck: { rules: { 'public-faces': publicFaces } } },
    rules: { 'flowdeck/public-faces': 'error', 'no-restricted-syntax': ['error', JS_YAML_BY_REQUIRE] },
  },
  // the debugger runs outside VS Code too (`flowdeck debug-adapter`)
  {
    files: ['debug/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'debug/ runs outside VS Code too (flowdeck debug-adapter).' }] }],
    },
  },
);
