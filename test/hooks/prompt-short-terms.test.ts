import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openKit } from '../../src/kit.js';
import { BIN, tempDir } from '../helpers/temp.js';

function promptContext(home: string, prompt: string): string {
  const run = spawnSync(process.execPath, [BIN.hook, 'UserPromptSubmit'], {
    input: JSON.stringify({ session_id: 's1', prompt, cwd: home }),
    env: { ...process.env, KEI_HOME: home },
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  return run.stdout.trim() === '' ? '' : ((JSON.parse(run.stdout).hookSpecificOutput?.additionalContext as string | undefined) ?? '');
}

// Issue 19, item 12: short technical terms and identifiers are significant words, matched as whole words.
describe('UserPromptSubmit memories with short terms', () => {
  it('matches npm, git, aws, k8s, SQL and identifiers, never inside longer words', () => {
    const home = tempDir('kei-home-');
    const kit = openKit({ home, cwd: home, env: {} });
    const npm = kit.memory.add('Always npm ci in git hooks, never npm install').memory;
    const aws = kit.memory.add('Our aws account runs k8s on EKS').memory;
    const sql = kit.memory.add('SQL migrations live in db/ and need a PR review').memory;
    const s3 = kit.memory.add('Backups go to the s3 bucket via ec2 cron').memory;
    const digital = kit.memory.add('Digital signage shows the pgsql status board').memory;
    kit.close();

    expect(promptContext(home, 'npm or git?')).toContain(npm.id);
    expect(promptContext(home, 'aws k8s help')).toContain(aws.id);
    const sqlContext = promptContext(home, 'fix the SQL in db');
    expect(sqlContext).toContain(sql.id);
    expect(sqlContext).not.toContain(digital.id);
    expect(promptContext(home, 'is s3 reachable from ec2')).toContain(s3.id);
    expect(promptContext(home, 'git and sql')).not.toContain(digital.id);
    expect(promptContext(home, 'go to it')).toBe('');
  });
});
