import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanText } from '../../src/guard/index.js';
import { BIN, tempDir } from '../helpers/temp.js';
import { benignReference, MIDDLE_INJECTION, withInjectionInMiddle } from './long-text-fixture.js';

function guardScan(text: string) {
  const file = join(tempDir('kei-whole-'), 'reference.md');
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, [BIN.skills, 'guard', 'scan', file, '--surface', 'skill', '--json'], {
    env: { ...process.env, KEI_HOME: tempDir('kei-home-') },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { verdict: string; findings: { rule: string; start: number }[] };
}

describe('whole-text scanning: no unscanned middle at any size', () => {
  it.each([100 * 1024, 400 * 1024, 1024 * 1024 - 512])(
    'blocks an injection in the middle of %i chars (kei-skills guard scan --surface skill)',
    (size) => {
      const text = withInjectionInMiddle(size, MIDDLE_INJECTION);
      const result = guardScan(text);
      expect(result.verdict).toBe('block');
      const at = text.indexOf('ignore all previous');
      expect(result.findings.some((f) => Math.abs(f.start - at) < 200)).toBe(true);
    },
  );

  it.each([100 * 1024, 400 * 1024])('allows %i chars of benign reference text', (size) => {
    expect(scanText(benignReference(size), { surface: 'skill' }).verdict).toBe('allow');
  });

  it('finds invisible characters anywhere in a long text', () => {
    const doc = benignReference(300 * 1024);
    const text = `${doc.slice(0, 150_000)}safe\u202eevil${doc.slice(150_000)}`;
    expect(scanText(text, { surface: 'skill' }).findings.map((f) => f.rule)).toContain('unicode.bidi_control');
  });

  it('an injection behind a long run of trigger-word padding is still read', () => {
    const padding = 'Please ignore the lint warnings in generated files; tokens and settings are documented below.\n'.repeat(3000);
    const text = `${padding}${MIDDLE_INJECTION}\n${benignReference(200 * 1024)}`;
    expect(scanText(text, { surface: 'skill' }).verdict).toBe('block');
  });

  it('a base64 payload in the middle of 400 KB is found and decoded (the run sieve sends its window to the full scan)', () => {
    const payload = Buffer.from(MIDDLE_INJECTION).toString('base64');
    const text = withInjectionInMiddle(400 * 1024, `Fixture: ${payload}`);
    const rules = scanText(text, { surface: 'skill' }).findings.map((f) => f.rule);
    expect(rules.some((r) => r.startsWith('obfuscation.base64:'))).toBe(true);
  });

  it('findings point into the original text at their real offset', () => {
    const text = withInjectionInMiddle(400 * 1024, MIDDLE_INJECTION);
    const finding = scanText(text, { surface: 'skill' }).findings.find((f) => f.category === 'override');
    expect(finding).toBeDefined();
    expect(text.slice(finding!.start, finding!.end).toLowerCase()).toContain('ignore');
  });
});
