import { KeiError } from '../core/errors.js';
import { GuardBlockedError } from '../gate/guard-blocked-error.js';
import { scanText, type Surface } from '../guard/index.js';
import { guardWrite, type GateContext } from '../gate/guard-gate.js';
import type { JobKind } from './jobs.js';

/**
 * A prompt job's text becomes the prompt of a headless agent that runs outside the sandbox, so it is
 * judged as text a model reads; a command is judged like a skill's script (the code rules, with the
 * skill threshold). Builtin payloads are names from a fixed list and need no scan.
 */
const PAYLOAD_SURFACE: Partial<Record<JobKind, Surface>> = { prompt: 'context', command: 'skill' };

/**
 * Scans a job's payload before it is stored, through the same gate as memory and skill writes (the
 * attempt is recorded; the documented KEI_MEMORY_SKIP_GUARD bypass applies). Throws when blocked.
 */
export function guardJobPayload(gate: GateContext, job: { name: string; kind: JobKind; payload: string }): void {
  const surface = PAYLOAD_SURFACE[job.kind];
  if (!surface) return;
  try {
    guardWrite(gate, job.payload, surface, `schedule:${job.kind}`);
  } catch (err) {
    if (!(err instanceof GuardBlockedError)) throw err;
    throw new KeiError(
      'guard_blocked',
      `the ${job.kind} job "${job.name}" was not scheduled: ${err.message} Reword the ${job.kind} so it does not ` +
        ('read as an instruction to override, leak or exfiltrate (or, if you wrote it yourself and trust it, ' +
          'set KEI_MEMORY_SKIP_GUARD=1 and KEI_MEMORY_SKIP_GUARD_REASON="why").'),
      { ...err.details, field: 'payload' },
    );
  }
}

/** What a model may see of a job's output: the output itself, or `[BLOCKED: <rule>]` when the guard refuses it. */
export interface ShownOutput {
  text: string;
  blockedRule?: string;
}

/** Scanned past the excerpt's end, so an injection that the cut splits is still matched whole. */
const SCAN_MARGIN_CHARS = 500;

/**
 * The first `shownChars` of a job's output as a model may see them. Job output is outside text (a
 * command's stdout, a headless model's answer), scanned each time it is shown rather than once when
 * stored: rules improve, and rows from before this check exist. Only the part around what is shown is
 * scanned (the hook answering SessionStart has a budget); the rest reaches no model from here.
 */
export function showJobOutput(job: string, output: string, shownChars: number): ShownOutput {
  if (output === '') return { text: '' };
  const scan = scanText(output.slice(0, shownChars + SCAN_MARGIN_CHARS), { surface: 'context' });
  if (scan.verdict === 'allow') return { text: output.slice(0, shownChars) };
  const rule = scan.findings[0]?.rule ?? 'guard';
  return {
    text: `[BLOCKED: ${rule}] output of job "${job}" withheld by the injection guard; the full output is in the job's log file`,
    blockedRule: rule,
  };
}
