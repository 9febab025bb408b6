// @ts-check
// flowdeck/public-faces: a file of one product folder imports a file of another only through
// one of that folder's public faces, and only along an arrow of eslint/architecture.mjs. Each
// specifier is resolved to a file first (TypeScript's module resolution), so `../../server/src`
// and `../../server/src/index` are the same face and a path spelled any other way is caught.
import { fileURLToPath } from 'node:url';
import { edgeViolation } from '../architecture.mjs';
import { resolveImport, toRepoPath } from '../importGraph.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: {
      description: 'Cross-folder imports go only through public faces, along the arrows of eslint/architecture.mjs',
    },
    schema: [],
    messages: { violation: '{{why}}' },
  },
  create(context) {
    const importer = toRepoPath(root, context.filename);
    /** @param {unknown} source */
    const check = (source) => {
      const node = /** @type {import('estree').Node | null | undefined} */ (source);
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const target = resolveImport(root, context.filename, node.value);
      if (target === undefined) return;
      const why = edgeViolation(importer, target);
      if (why !== undefined) context.report({ node, messageId: 'violation', data: { why } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      // `import x = require('...')` and `import('...')` in a type
      /** @param {any} node */
      TSExternalModuleReference: (node) => check(node.expression),
      /** @param {any} node */
      TSImportType: (node) => check(node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
    };
  },
};
