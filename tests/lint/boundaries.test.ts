// The folder boundaries are lint rules (eslint.config.js); these prove the rules bite.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('folder boundaries', () => {
  it('refuse a feature importing another feature or the app shell', async () => {
    expect(
      await problems('src/features/profile/Probe.ts', "export { LessonPage } from '../lesson-player/LessonPage';\n"),
    ).toEqual(['no-restricted-imports']);
    expect(
      await problems('src/features/profile/Probe.ts', "export { createAppRouter } from '../../app/router';\n"),
    ).toEqual(['no-restricted-imports']);
    expect(
      await problems('src/features/profile/Probe.ts', "export { useServices } from '../../app/services';\n"),
    ).toEqual([]);
  });

  it('refuse Dexie, XState or zod in a first-page module, but allow their types', async () => {
    const dashboard = 'src/features/dashboard/Probe.ts';
    expect(await problems(dashboard, "import Dexie from 'dexie';\nexport const probe = Dexie;\n")).toEqual([
      '@typescript-eslint/no-restricted-imports',
    ]);
    expect(
      await problems(
        dashboard,
        "import { HeardDatabase } from '../../storage/database';\nexport const probe = HeardDatabase;\n",
      ),
    ).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(
      await problems(
        dashboard,
        "import type { HeardDatabase } from '../../storage/database';\nexport type Probe = HeardDatabase;\n",
      ),
    ).toEqual([]);
  });
});
