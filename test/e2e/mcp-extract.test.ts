import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKit } from '../../src/kit.js';
import { parseSkillText } from '../../src/skills/parse.js';
import { deploySession, recordSession } from '../helpers/ledger.js';
import { connectKeiMcp, textOf } from '../helpers/mcp.js';
import { REPO_ROOT, tempDir } from '../helpers/temp.js';

const SKILL_MD =
  '---\nname: staging-deploy\ndescription: Deploy the app to staging with fly, after the tests pass, and check health.\nmetadata:\n  category: deploy\n---\n\n## Overview\nStaging deploys.\n\n## Process\n1. `npm test`\n2. `fly deploy --remote-only`\n\n## Pitfalls\n- DATABASE_URL must be set for tests.\n\n## Examples\n- "Deploy the fly app to staging"\n';

describe('skill_extract over MCP: a skill from the session the agent is in', () => {
  it('extracts from the latest session of this project, then refuses a near-duplicate and says why', async () => {
    const home = tempDir('kei-x-home-');
    const project = tempDir('kei-x-proj-');
    mkdirSync(join(project, '.git'));
    const kit = openKit({ home, cwd: project, env: {} });
    recordSession(kit.db, 'older', deploySession('heroku'), Date.now() - 7200_000, { projectKey: kit.projectKey });
    recordSession(kit.db, 'current', deploySession(), Date.now() - 60_000, { projectKey: kit.projectKey, completed: false });
    kit.close();
    writeFileSync(join(home, 'reply.json'), JSON.stringify({ skill_md: SKILL_MD }));
    const mcp = await connectKeiMcp(
      home,
      { KEI_INVOKER: 'command', KEI_INVOKER_COMMAND: `cat > '${home}/prompt.txt'; cat '${home}/reply.json'` },
      project,
    );
    try {
      const tools = (await mcp.client.listTools()).tools.map((t) => t.name);
      expect(tools).toContain('skill_extract');
      const first = await mcp.call('skill_extract', {});
      expect(first.isError).toBeFalsy();
      expect(textOf(first)).toMatch(/^Created skill staging-deploy \(model via command\) at .*skills\/deploy\/staging-deploy\/SKILL\.md/);
      expect(readFileSync(join(home, 'prompt.txt'), 'utf8')).toContain('Trajectory traj_current (not completed, 8 tool calls)');
      expect(readFileSync(join(home, 'skills', 'deploy', 'staging-deploy', 'SKILL.md'), 'utf8')).toMatch(/source_trajectory: traj_current/);
      const again = await mcp.call('skill_extract', { session_id: 'current' });
      expect(again.isError).toBe(true);
      expect(textOf(again)).toMatch(
        /not extracted: this session is 100% similar to the skill staging-deploy \(Jaccard of trajectory fingerprints\)/,
      );
      const unknown = await mcp.call('skill_extract', { session_id: 'nope' });
      expect(textOf(unknown)).toContain('no session "nope" in the ledger');
    } finally {
      await mcp.close();
    }
  }, 60_000);

  it('ships /extract-skill as a valid Agent Skill that points at the tool', () => {
    const path = join(REPO_ROOT, 'skills', 'extract-skill', 'SKILL.md');
    const parsed = parseSkillText(readFileSync(path, 'utf8'), path, { path: join(REPO_ROOT, 'skills', 'extract-skill'), label: 'shipped' });
    expect('skill' in parsed && parsed.skill.findings).toEqual([]);
    expect(readFileSync(path, 'utf8')).toContain('mcp__kei__skill_extract');
  });
});
