import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/temp.js';

/** Lints a snippet as if it were the named file of the repository, with the repository's own config. */
async function lintAs(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: REPO_ROOT });
  const [result] = await eslint.lintText(code, { filePath: join(REPO_ROOT, file) });
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layers the lint enforces (docs/architecture.md)', () => {
  it.each([
    ['the guard importing core', 'src/guard/probe.ts', "import { KeiError } from '../core/errors.js';\nexport const e = KeiError;"],
    [
      'a guard rule importing the ledger',
      'src/guard/rules/probe.ts',
      "import { recordGuardEvent } from '../../ledger/guard-events.js';\nexport const r = recordGuardEvent;",
    ],
    [
      'core importing a domain module',
      'src/core/probe.ts',
      "import { MemoryStore } from '../memory/store.js';\nexport const m = MemoryStore;",
    ],
    [
      'a domain module importing the composition root',
      'src/learn/nightly/probe.ts',
      "import type { Kit } from '../../kit.js';\nexport type K = Kit;",
    ],
    [
      'a domain module importing an adapter',
      'src/memory/probe.ts',
      "import { ALL_TOOLS } from '../tools/index.js';\nexport const t = ALL_TOOLS;",
    ],
    [
      'the sandbox importing skills',
      'src/sandbox/probe.ts',
      "import { openSkills } from '../skills/index.js';\nexport const s = openSkills;",
    ],
  ])('fails on %s', async (_name, file, code) => {
    expect((await lintAs(file, code)).join('\n')).toMatch(/no-restricted-imports/);
  });

  it('fails on SQL in an adapter, not on prose that starts like it', async () => {
    expect(await lintAs('src/hooks/probe.ts', "export const q = 'SELECT id FROM sessions WHERE id = ?';")).toHaveLength(1);
    expect(await lintAs('src/cli/probe.ts', "export const help = 'delete a named sandbox and its files';")).toEqual([]);
    expect(await lintAs('src/ledger/probe.ts', "export const q = 'SELECT id FROM sessions WHERE id = ?';")).toEqual([]);
  });

  it('allows what the architecture allows', async () => {
    expect(
      await lintAs(
        'src/learn/probe.ts',
        "import { MemoryStore } from '../memory/store.js';\nimport { guardWrite } from '../gate/guard-gate.js';\nexport const a = [MemoryStore, guardWrite];",
      ),
    ).toEqual([]);
    expect(await lintAs('src/tools/probe.ts', "import type { Kit } from '../kit.js';\nexport type K = Kit;")).toEqual([]);
  });
});
