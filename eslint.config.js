// Lint: typescript-eslint's recommended type-aware rules plus the house habits of ARCHITECTURE.md.
import js from '@eslint/js';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';

// The floors, top to bottom (ARCHITECTURE.md). A file may import from its own floor and the
// floors below it, never from one above; tests and scripts sit beside the top and never import
// each other. Each floor is one top-level folder: no rule inside a floor.
const FLOORS = ['app', 'workers', 'pipeline', 'crawlers', 'src', 'base', 'config'];
const layerZones = [
  ...FLOORS.flatMap((floor, i) =>
    FLOORS.slice(0, i).map((above) => ({
      target: `./${floor}`,
      from: `./${above}`,
      message: `${floor}/ is below ${above}/ (ARCHITECTURE.md): move the shared piece down, or pass it in`,
    })),
  ),
  ...[...FLOORS, 'evaluation', 'scripts'].map((target) => ({
    target: `./${target}`,
    from: './test',
    message: 'product code, evaluation and scripts never import tests',
  })),
  ...FLOORS.map((floor) => ({
    target: `./${floor}`,
    from: './evaluation',
    message: 'evaluation scores the product against labelled material: product code never imports it',
  })),
  { target: './evaluation', from: './scripts', message: 'evaluation never imports scripts' },
  { target: './test', from: './scripts', message: 'tests never import scripts: share through evaluation/' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'data/', 'dist/', 'test/fixtures/', 'app/demo/sites/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  {
    // A command file declares its options and imports its code inside its action (app/cli/main.ts):
    // `tinwatch --help` and light commands must not load crawlee, BullMQ or Redis clients.
    files: ['app/cli/commands/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[importKind!='type'][source.value!='commander'][source.value!='../option-parsers.js'][source.value!='../../../config/errors.js']",
          message: "import the command's code inside its action (await import(…)): declaring a command must stay light",
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
