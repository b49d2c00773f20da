import type { TrajectoryEvidence } from './evidence.js';

const STOP = new Set(
  (
    'the and for with that this from into then than have has had are was were will would should could can you your our its not but ' +
    'all any please just also what when where which who how use using used make made let get got need want like some more most very only'
  ).split(' '),
);

/** Lower-case words of three or more letters, minus common English filler. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z0-9_-]{2,}/g) ?? []).filter((w) => !STOP.has(w));
}

/**
 * A trajectory as a set of tokens: the words of the user's requests (`w:`), the tools used
 * (`t:`), the first word of each shell command (`c:`) and consecutive tool pairs (`s:`). Two
 * sessions doing the same job in the same way share most of these; the wording of a request or the
 * file names touched move it only a little.
 */
export function fingerprintOf(ev: Pick<TrajectoryEvidence, 'prompts' | 'calls'>): string[] {
  const tokens = new Set<string>();
  for (const p of ev.prompts) for (const w of words(p.text)) tokens.add(`w:${w}`);
  let previous = '';
  for (const c of ev.calls.filter((x) => x.ok)) {
    tokens.add(`t:${c.tool}`);
    const command = c.tool === 'Bash' ? /"command"\s*:\s*"([\w./-]+)/.exec(c.input)?.[1] : undefined;
    if (command) tokens.add(`c:${command.split('/').pop()}`);
    if (previous) tokens.add(`s:${previous}>${c.tool}`);
    previous = c.tool;
  }
  return [...tokens].sort();
}

export interface Similar {
  skill: string;
  score: number;
  /** Which measure produced the score, in words a report can show. */
  measure: string;
}

/**
 * Finds the skill most similar to a trajectory, through an inverted index so thousands of
 * trajectories against hundreds of skills stay cheap. Skills the kit extracted are compared by the
 * Jaccard similarity of the two trajectory fingerprints (like with like); other skills by how much of
 * their name and description the trajectory's request words contain.
 */
export class SimilarityIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly entries: { skill: string; size: number; kind: 'trajectory' | 'description' }[] = [];

  addTrajectorySkill(skill: string, fingerprint: string[]): void {
    this.add(skill, fingerprint, 'trajectory');
  }

  addDescribedSkill(skill: string, text: string): void {
    const tokens = [...new Set(words(text).map((w) => `w:${w}`))];
    if (tokens.length >= 3) this.add(skill, tokens, 'description');
  }

  best(fingerprint: string[]): Similar | undefined {
    const overlap = new Map<number, number>();
    for (const token of fingerprint) for (const i of this.postings.get(token) ?? []) overlap.set(i, (overlap.get(i) ?? 0) + 1);
    let best: Similar | undefined;
    for (const [i, shared] of overlap) {
      const e = this.entries[i];
      const score = e.kind === 'trajectory' ? shared / (fingerprint.length + e.size - shared) : shared / e.size;
      if (!best || score > best.score)
        best = {
          skill: e.skill,
          score,
          measure: e.kind === 'trajectory' ? 'Jaccard of trajectory fingerprints' : 'share of the skill description found in the requests',
        };
    }
    return best;
  }

  private add(skill: string, tokens: string[], kind: 'trajectory' | 'description'): void {
    const i = this.entries.push({ skill, size: tokens.length, kind }) - 1;
    for (const t of tokens) {
      const list = this.postings.get(t);
      if (list) list.push(i);
      else this.postings.set(t, [i]);
    }
  }
}
