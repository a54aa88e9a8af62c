// The folder boundaries are lint rules (eslint.config.js); these prove the rules bite, and bite for
// the reason they exist (each check reads the rule's message, not only its name). Import cycles are
// checked here too, over the same static imports the bundler follows.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

const FEATURE_TO_FEATURE = /Features never import each other/;
const APP_SHELL = /never its shell/;
const FIRST_PAGE_PACKAGE = /The first page must not load XState, Dexie or zod/;
const FIRST_PAGE_MODULE = /This module loads XState, Dexie or zod/;

// The first lint of a run loads ESLint's plugins, slow on a busy machine.
describe('folder boundaries', { timeout: 30_000 }, () => {
  it('refuse a feature importing another feature, statically or lazily', async () => {
    const probe = 'src/features/profile/Probe.ts';
    for (const code of [
      "export { LessonPage } from '../lesson-player/LessonPage';\n",
      "export { AssignedWork } from '../assignments/AssignedWork';\n",
      "export { formatDate } from '../certificate/certificateText';\n",
      "export const page = () => import('../trainer/TrainerPage');\n",
    ]) {
      const found = await problems(probe, code);
      expect(found, code).toHaveLength(1);
      expect(found[0], code).toMatch(FEATURE_TO_FEATURE);
    }
    // The trainer's pages once had an exception for the certificate feature: no longer.
    const trainer = await problems(
      'src/features/trainer/Probe.ts',
      "export { QrCode } from '../certificate/QrCode';\n",
    );
    expect(trainer).toHaveLength(1);
    expect(trainer[0]).toMatch(FEATURE_TO_FEATURE);
    // Shared code is what features share.
    expect(await problems(probe, "export { QrCode } from '../shared/QrCode';\n")).toEqual([]);
    expect(await problems(probe, "export const page = () => import('../shared/NotFoundPage');\n")).toEqual([]);
  });

  it('refuse a feature importing the app shell, but allow its services', async () => {
    const found = await problems(
      'src/features/profile/Probe.ts',
      "export { createAppRouter } from '../../app/router';\n",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(APP_SHELL);
    expect(
      await problems('src/features/profile/Probe.ts', "export { useServices } from '../../app/services';\n"),
    ).toEqual([]);
  });

  it('refuse Dexie, XState or zod in a first-page module, but allow their types', async () => {
    const dashboard = 'src/features/dashboard/Probe.ts';
    for (const [code, reason] of [
      ["import Dexie from 'dexie';\nexport const probe = Dexie;\n", FIRST_PAGE_PACKAGE],
      ["import { createActor } from 'xstate';\nexport const probe = createActor;\n", FIRST_PAGE_PACKAGE],
      ["import { z } from 'zod';\nexport const probe = z;\n", FIRST_PAGE_PACKAGE],
      [
        "import { HeardDatabase } from '../../storage/database';\nexport const probe = HeardDatabase;\n",
        FIRST_PAGE_MODULE,
      ],
      [
        "import { stepSchema } from '../../engine/contentSchema';\nexport const probe = stepSchema;\n",
        FIRST_PAGE_MODULE,
      ],
    ] as const) {
      const found = (await problems(dashboard, code)).filter((problem) => !problem.startsWith('no-restricted-imports'));
      expect(found, code).toHaveLength(1);
      expect(found[0], code).toMatch(reason);
    }
    expect(
      await problems(
        dashboard,
        "import type { HeardDatabase } from '../../storage/database';\nexport type Probe = HeardDatabase;\n",
      ),
    ).toEqual([]);
    // The same import in a page that loads later is allowed.
    expect(
      await problems('src/features/my-data/Probe.ts', "import Dexie from 'dexie';\nexport const probe = Dexie;\n"),
    ).toEqual([]);
  });
});

/** The files of src/ that `file` imports for their values (type-only imports and `import()` load nothing). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      const onlyTypes =
        clause?.isTypeOnly ||
        (clause && !clause.name && bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0
          ? bindings.elements.every((element) => element.isTypeOnly)
          : false);
      if (!onlyTypes) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(dirname(file), specifier))
    .flatMap((base) =>
      ['.ts', '.tsx', '/index.ts']
        .map((ending) => base + ending)
        .filter(existsSync)
        .slice(0, 1),
    );
}

describe('the first-page rule', () => {
  it('covers every module the first page loads', async () => {
    const seen = new Set<string>();
    const queue = [resolve('src/main.tsx')];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      queue.push(...valueImports(file));
    }
    const uncovered: string[] = [];
    for (const file of seen) {
      const config = (await eslint.calculateConfigForFile(file)) as { rules?: Record<string, unknown> };
      if (!config.rules?.['@typescript-eslint/no-restricted-imports']) uncovered.push(relative('.', file));
    }
    // Sanity: the walk reaches the dashboard through the router.
    expect([...seen].map((file) => relative('.', file))).toContain(
      join('src', 'features', 'dashboard', 'DashboardPage.tsx'),
    );
    expect(uncovered).toEqual([]);
  });
});

describe('step kinds', () => {
  it('take zod from the schema parts they are given, never by import', async () => {
    const probe = 'src/engine/steps/probe.ts';
    for (const code of [
      "import { z } from '../zod';\nexport const probe = z;\n",
      "import { optionSchema } from '../contentSchema';\nexport const probe = optionSchema;\n",
    ]) {
      const found = await problems(probe, code);
      expect(found, code).toHaveLength(1);
      expect(found[0], code).toMatch(/import only types here/);
    }
    expect(
      await problems(
        probe,
        "import type { StepSchemaParts } from '../contentSchema';\nexport type Probe = StepSchemaParts;\n",
      ),
    ).toEqual([]);
  });
});

/** Every .ts and .tsx file under a folder. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(entry.name) ? [resolve(path)] : [];
  });
}

/** The import cycles among `files` (Tarjan's strongly connected components of more than one file, or a self-import). */
function importCycles(files: string[]): string[][] {
  const edges = new Map(files.map((file) => [file, valueImports(file)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(relative('.', member));
      } while (member !== file);
      if (component.length > 1 || (edges.get(file) ?? []).includes(file)) cycles.push(component.sort());
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return cycles;
}

describe('imports', () => {
  it('form no cycles in src (type-only imports load nothing, so they may)', () => {
    expect(importCycles(sourceFiles('src'))).toEqual([]);
  });

  it('would report a cycle', () => {
    // The check itself: two probe files that import each other are found.
    const folder = resolve('tests/lint/cycle-probe');
    expect(importCycles([join(folder, 'a.ts'), join(folder, 'b.ts')]).map((cycle) => cycle.length)).toEqual([2]);
  });
});
