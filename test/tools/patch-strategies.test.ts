import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { textOf, type McpSession } from '../helpers/mcp.js';
import { connectInProcess } from '../helpers/mcp-in-process.js';
import { writeSkill } from '../helpers/skills.js';
import { tempDir } from '../helpers/temp.js';

let session: McpSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const BODY = [
  '# Deploy',
  '',
  'exact-target: keep the release branch green',
  '',
  '    indented line one',
  '    indented line two',
  '',
  'Spaces  in   this   line matter little',
  '',
  'Press "Enter" — then wait…',
  '',
  'anchor start',
  'middle line that drifted a lot over time',
  'anchor end',
  '',
  'similar line alpha one',
  'similar line beta two',
  '',
  'escape line first',
  'escape line second',
  '',
  'def handler(event):',
  '    if event.ok:',
  '        return respond(200)',
  '',
].join('\n');

// Each old text is shaped so that the named strategy is the first one that matches. Indentation-agnostic
// matches are always line-trimmed matches too (it comes after it in the order), so it is tested on its own in
// test/skills/fuzzy.test.ts; every line strategy re-indents the replacement the way it would.
const CASES: [string, string, string][] = [
  ['exact', 'exact-target: keep the release branch green', 'exact-target: keep main green'],
  ['line-trimmed', '  indented line one  \n indented line two', 'indented line ONE\nindented line TWO'],
  ['whitespace-collapsed', 'Spaces in this line matter little', 'Spaces collapsed'],
  ['escape-normalised', 'escape line first\\nescape line second', 'escaped lines replaced'],
  ['unicode-normalised', 'Press "Enter" - then wait...', 'Press Enter, then wait.'],
  ['block-anchor', 'anchor start\nmiddle line that drifted a little over time\nanchor end', 'anchored block replaced'],
  ['line-similarity', 'similar line alpha on\nsimilar line beta tw', 'similar lines replaced'],
];

describe('every fuzzy strategy through skill_patch (the MCP server in process)', () => {
  it.each(CASES)('%s', async (strategy, old, replacement) => {
    const project = tempDir('kei-proj-');
    mkdirSync(join(project, '.git'));
    const path = writeSkill(join(project, '.claude', 'skills'), 'deploy', { body: BODY });
    session = await connectInProcess(tempDir('kei-home-'), { HOME: tempDir('kei-user-') }, project);
    const r = await session.call('skill_patch', { name: 'deploy', old, new: replacement });
    expect(r.isError, textOf(r)).toBeFalsy();
    expect(r.structuredContent).toMatchObject({ strategy, replacements: 1 });
    const after = readFileSync(path, 'utf8');
    for (const line of replacement.split('\n')) expect(after).toContain(line);
  });
});
