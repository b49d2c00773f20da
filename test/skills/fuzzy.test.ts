import { describe, expect, it } from 'vitest';
import { KeiError } from '../../src/core/errors.js';
import { fuzzyReplace } from '../../src/skills/patch/apply.js';
import { STRATEGIES } from '../../src/skills/patch/strategies.js';

const doc = [
  '# Deploy',
  '',
  '## Steps',
  '',
  '1. Build the image:',
  '   ```sh',
  '   docker build -t app .',
  '   ```',
  '2. Push it with "make push".',
  '3. Check the dashboard — it should be green.',
  '',
  'def handler(event):',
  '    if event.ok:',
  '        return respond(200)',
  '    return respond(500)',
].join('\n');

function fails(fn: () => unknown): KeiError {
  try {
    fn();
  } catch (err) {
    return err as KeiError;
  }
  throw new Error('expected an error');
}

describe('fuzzy patch strategies, in order', () => {
  it('exact', () => {
    const r = fuzzyReplace(doc, 'docker build -t app .', 'docker build -t app:latest .');
    expect(r.strategy).toBe('exact');
    expect(r.content).toContain('docker build -t app:latest .');
  });

  it('line-trimmed (drifted indentation and trailing spaces)', () => {
    const r = fuzzyReplace(doc, '  ```sh  \n docker build -t app .\n  ```', '```sh\ndocker build .\n```');
    expect(r.strategy).toBe('line-trimmed');
  });

  it('whitespace-collapsed (spaces inside lines)', () => {
    const r = fuzzyReplace(doc, '2. Push  it with   "make push".', '2. Push it with "make release".');
    expect(r.strategy).toBe('whitespace-collapsed');
    expect(r.content).toContain('make release');
  });

  it('re-indents the replacement to where the block really is', () => {
    const deep = '        if event.ok:\n            return respond(200)';
    const r = fuzzyReplace(doc, deep, '        if event.ok:\n            return respond(204)');
    expect(r.strategy).toBe('line-trimmed');
    expect(r.content).toContain('\n    if event.ok:\n        return respond(204)\n');
  });

  it('indentation-agnostic on its own: same shape at another depth, with the delta to apply', () => {
    const strategy = STRATEGIES.find((s) => s.name === 'indentation-agnostic');
    const spans = strategy!.find(doc, 'if event.ok:\n    return respond(200)');
    expect(spans).toHaveLength(1);
    expect(spans[0].indentDelta).toBe(4);
  });

  it('escape-normalised (a model sent \\n and \\" literally)', () => {
    const r = fuzzyReplace(doc, '2. Push it with \\"make push\\".\\n3. Check', '2. Push it.\n3. Check');
    expect(r.strategy).toBe('escape-normalised');
    expect(r.content).toContain('2. Push it.\n3. Check the dashboard');
  });

  it('unicode-normalised (smart quotes, dashes, NBSP, CRLF)', () => {
    const crlf = doc.replace(/\n/g, '\r\n');
    const r = fuzzyReplace(
      crlf,
      '2. Push it with “make push”.\r\n3. Check the dashboard - it should be\u00a0green.',
      '2. Ship it.\r\n3. Done.',
    );
    expect(r.strategy).toBe('unicode-normalised');
    expect(r.content).toContain('2. Ship it.');
  });

  it('block anchor (first and last lines exact, middle drifted)', () => {
    const old = '1. Build the image:\n   ```bash\n   docker build --tag app .\n   ```\n2. Push it with "make push".';
    const r = fuzzyReplace(doc, old, '1. Build and push with `make ship`.');
    expect(r.strategy).toBe('block-anchor');
    expect(r.content).not.toContain('docker build');
  });

  it('line-similarity (every line nearly the same)', () => {
    const old = '2. Push it with "make pushh".\n3. Check the dashbord — it should be green!';
    const r = fuzzyReplace(doc, old, '2. Push.\n3. Check.');
    expect(r.strategy).toBe('line-similarity');
  });
});

describe('refusals', () => {
  it('several matches without replaceAll: count and line numbers', () => {
    const text = 'a = 1\nb = 2\na = 1\n';
    const err = fails(() => fuzzyReplace(text, 'a = 1', 'a = 3'));
    expect(err.code).toBe('patch_ambiguous');
    expect(err.message).toMatch(/matches 2 places \(lines 1, 3/);
    expect(fuzzyReplace(text, 'a = 1', 'a = 3', true)).toMatchObject({ replacements: 2, content: 'a = 3\nb = 2\na = 3\n' });
  });

  it('no match: the closest candidate and its similarity', () => {
    const err = fails(() => fuzzyReplace(doc, '4. Tell the team in Slack.', 'x'));
    expect(err.code).toBe('patch_no_match');
    expect(err.message).toMatch(/Closest candidate at line \d+ \(similarity 0\.\d\d\)/);
  });

  it('near-duplicate blocks are not guessed between', () => {
    const text = 'step one\nrun tests\nstep two\n---\nstep one\nrun tests!\nstep two\n';
    const err = fails(() => fuzzyReplace(text, 'step one\nrun  tests?\nstep two', 'x'));
    expect(err.code).toBe('patch_ambiguous');
  });
});
