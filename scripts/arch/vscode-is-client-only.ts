// Only client/ and the integration tests may import 'vscode'. The other folders map the
// module name here (tsconfig "paths") so that such an import fails the type check.
export {};
