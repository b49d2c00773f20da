import { describe, expect, it } from 'vitest';
import { openKit } from '../../src/kit.js';
import { makeFacts } from '../../bench/lib/corpus.js';
import { testKit } from '../helpers/kit.js';

type Kit = ReturnType<typeof testKit>;

/** FTS5's own bm25 for every row a query matches, the way search ranked before it computed bm25 itself. */
function fts5Scores(kit: Kit, words: string[], joiner = ' '): Map<string, number> {
  const rows = kit.db
    .prepare(
      `SELECT m.id, bm25(memories_fts, 2.0, 1.0) AS rank FROM memories_fts JOIN memories m ON m.rid = memories_fts.rowid
    WHERE memories_fts MATCH ?`,
    )
    .all(words.map((w) => `"${w}"`).join(joiner)) as { id: string; rank: number }[];
  return new Map(rows.map((r) => [r.id, Math.round(-r.rank * 1000) / 1000]));
}

/** Entries that share no word with the test's queries, so that those words are rare and weigh something. */
function filler(kit: Kit, n: number): void {
  for (let i = 0; i < n; i++) kit.memory.add(`Fact ${i}: the weather in town ${i} was mild`);
}

function seed(kit: Kit, n: number): void {
  const facts = makeFacts(n, 5);
  facts.forEach((fact, i) => {
    kit.memory.add(fact, i % 7 === 0 ? { tags: ['pnpm', 'ops'] } : {});
    kit.clock.advance(10);
  });
}

describe('memory ranking', () => {
  it('gives every hit the score FTS5 bm25 gives it, and returns the best of all matches within the window', () => {
    const kit = testKit({ config: { memory: { rankWindow: 10_000 } } });
    seed(kit, 1500);
    for (const query of ['pnpm', 'billing deployed', 'prefers vitest', 'Berlin', 'handle caching', 'Rust cargo', 'ops']) {
      const words = query.toLowerCase().split(' ');
      const reference = fts5Scores(kit, words);
      const hits = kit.memory.search(query, { limit: 20 });
      expect(hits.length, query).toBe(Math.min(20, reference.size));
      for (const hit of hits) expect(hit.score, `${query}: ${hit.content}`).toBeCloseTo(reference.get(hit.id) ?? NaN, 3);
      const best = Math.max(...reference.values());
      expect(hits[0].score, query).toBeCloseTo(best, 3);
      const scores = hits.map((h) => h.score);
      expect(scores, query).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it("scores the any-word fallback as FTS5 bm25 does, with a rare word's entries among the candidates", () => {
    const kit = testKit({ config: { memory: { rankWindow: 40 } } });
    filler(kit, 60);
    for (let i = 0; i < 100; i++) kit.memory.add(`Service ${i} is deployed with helm`);
    const rare = kit.memory.add('Terraform state lives in the ops bucket').memory;
    for (let i = 0; i < 100; i++) kit.memory.add(`Team ${i} deploys with helm too`);
    const hits = kit.memory.search('terraform helm', { limit: 5 });
    expect(hits[0].id).toBe(rare.id);
    const reference = fts5Scores(kit, ['terraform', 'helm'], ' OR ');
    for (const hit of hits) expect(hit.score, hit.content).toBeCloseTo(reference.get(hit.id) ?? NaN, 3);
  });

  it('ranks only the newest rankWindow matches, and an edited memory counts as new', () => {
    const kit = testKit({ config: { memory: { rankWindow: 10 } } });
    filler(kit, 60);
    const strong = kit.memory.add('docker docker docker').memory;
    for (let i = 0; i < 30; i++) {
      kit.clock.advance(1000);
      kit.memory.add(`Note ${i} says the team runs docker for local services`);
    }
    const windowed = kit.memory.search('docker', { limit: 3 });
    expect(windowed.map((h) => h.id)).not.toContain(strong.id);
    expect(windowed[0].content).toBe('Note 29 says the team runs docker for local services');

    kit.memory.replace({ id: strong.id }, 'docker docker docker compose');
    expect(kit.memory.search('docker', { limit: 3 })[0].id).toBe(strong.id);

    const unbounded = testKit({ config: { memory: { rankWindow: 1000 } } });
    filler(unbounded, 60);
    unbounded.memory.add('docker docker docker');
    for (let i = 0; i < 30; i++) unbounded.memory.add(`Note ${i} says the team runs docker for local services`);
    expect(unbounded.memory.search('docker', { limit: 3 })[0].content).toBe('docker docker docker');
  });

  it('follows memories written by another process: new words are found, scores move with them', () => {
    const a = testKit();
    filler(a, 60);
    a.memory.add('The billing service is deployed with helm');
    a.memory.add('Prefers short answers');
    expect(a.memory.search('kubernetes')).toEqual([]);
    const before = a.memory.search('helm')[0].score;

    const b = openKit({ home: a.paths.home, cwd: a.paths.home, env: {} });
    b.memory.add('Kubernetes manifests live in deploy/k8s');
    for (let i = 0; i < 5; i++) b.memory.add(`Service ${i} is also deployed with helm`);
    b.close();

    expect(a.memory.search('kubernetes').map((h) => h.content)).toEqual(['Kubernetes manifests live in deploy/k8s']);
    const after = a.memory.search('helm').find((h) => h.content.startsWith('The billing'))?.score;
    expect(after).toBeLessThan(before);
    const fresh = openKit({ home: a.paths.home, cwd: a.paths.home, env: {} });
    expect(fresh.memory.search('helm').find((h) => h.content.startsWith('The billing'))?.score).toBe(after);
    fresh.close();
  });

  it('finds what a removed or restored memory leaves behind', () => {
    const kit = testKit();
    const { memory } = kit.memory.add('Deploys go through the staging cluster first');
    expect(kit.memory.search('staging')).toHaveLength(1);
    kit.memory.remove({ id: memory.id });
    expect(kit.memory.search('staging')).toEqual([]);
    kit.memory.undo(memory.id);
    expect(kit.memory.search('staging').map((h) => h.id)).toEqual([memory.id]);
  });
});
