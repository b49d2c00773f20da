import type { Db } from '../../src/core/db.js';
import { upsertSession, endSession } from '../../src/ledger/sessions.js';
import { endTurn, recordToolCall, refreshTrajectory, startTurn } from '../../src/ledger/turns.js';

export interface RecordedCall {
  tool: string;
  input: Record<string, unknown>;
  ok?: boolean;
  response?: string;
}

/** Writes a session to the ledger the way the hooks do: turns with their prompts and tool calls, then the end. */
export function recordSession(
  db: Db,
  id: string,
  turns: { prompt: string; calls: RecordedCall[] }[],
  at: number,
  o: { completed?: boolean; projectKey?: string } = {},
): void {
  upsertSession(db, { id, at, cwd: '/work/project', projectKey: o.projectKey ?? '/work/project' });
  let t = at;
  for (const turn of turns) {
    const index = startTurn(db, id, turn.prompt, (t += 1000));
    for (const c of turn.calls) {
      recordToolCall(db, {
        sessionId: id,
        turnIndex: index,
        toolName: c.tool,
        inputSummary: JSON.stringify(c.input),
        responseSummary: c.response ?? 'ok',
        ok: c.ok ?? true,
        at: (t += 1000),
      });
    }
    endTurn(db, id, index, (t += 1000));
  }
  refreshTrajectory(db, id, o.completed ?? true, o.completed === false ? 'interrupted' : 'completed', t);
  if (o.completed !== false) endSession(db, id, 'exit', t);
}

const bash = (command: string, ok = true, response = 'done'): RecordedCall => ({ tool: 'Bash', input: { command }, ok, response });

/** A four-turn session that deploys an app: the kind of work worth a skill. */
export function deploySession(topic = 'fly'): { prompt: string; calls: RecordedCall[] }[] {
  return [
    { prompt: `Deploy the ${topic} app to staging`, calls: [bash('git status'), bash(`${topic} auth whoami`)] },
    { prompt: 'Run the tests first', calls: [bash('npm test', false, 'Error: missing env DATABASE_URL'), bash('npm test')] },
    {
      prompt: 'Now build the container image',
      calls: [bash(`docker build -t ${topic}-app .`), { tool: 'Edit', input: { file_path: 'fly.toml' } }],
    },
    {
      prompt: 'Ship it and check the health endpoint',
      calls: [bash(`${topic} deploy --remote-only`), bash('curl -fsS https://staging.example/health')],
    },
  ];
}

/** A session about something else entirely (distinct words and commands per `n`). */
export function distinctSession(n: number): { prompt: string; calls: RecordedCall[] }[] {
  const words = [
    'postgres migration',
    'terraform plan',
    'python packaging',
    'kubernetes rollout',
    'rust clippy',
    'webpack bundle',
    'ansible playbook',
    'graphql schema',
  ];
  const [a, b] = words[n % words.length].split(' ');
  const tool = [`psql${n}`, `terraform${n}`, `uv${n}`, `kubectl${n}`, `cargo${n}`, `webpack${n}`, `ansible${n}`, `gql${n}`][
    n % words.length
  ];
  return [
    { prompt: `Please prepare the ${a} ${b} for ${a}-${n}`, calls: [bash(`${tool} init`), bash(`${tool} check`)] },
    { prompt: `Validate the ${b} carefully`, calls: [bash(`${tool} validate`)] },
    { prompt: `Apply the ${a} change`, calls: [bash(`${tool} apply`), bash(`${tool} status`)] },
    { prompt: `Summarise the ${b} result`, calls: [{ tool: 'Read', input: { file_path: `${a}.log` } }] },
  ];
}
