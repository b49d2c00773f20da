import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db.js';
import { connectKeiMcp } from '../helpers/mcp.js';
import { tempDir } from '../helpers/temp.js';
import { join } from 'node:path';

describe('two kei-mcp processes writing at once', () => {
  it('lose none of 2 × 1,000 memories', async () => {
    const home = tempDir('kei-home-');
    const [a, b] = await Promise.all([connectKeiMcp(home), connectKeiMcp(home)]);
    const write = async (session: typeof a, name: string) => {
      const errors: string[] = [];
      for (let batch = 0; batch < 1000; batch += 50) {
        const calls = Array.from({ length: 50 }, (_, i) =>
          session.call('memory_add', { content: `Fact ${batch + i} written by process ${name}` }),
        );
        for (const r of await Promise.all(calls)) if (r.isError) errors.push(JSON.stringify(r.content));
      }
      return errors;
    };
    const errors = (await Promise.all([write(a, 'A'), write(b, 'B')])).flat();
    await Promise.all([a.close(), b.close()]);
    expect(errors).toEqual([]);
    const db = openDatabase(join(home, 'kei.db'));
    const counts = db.prepare("SELECT sum(content LIKE '%process A') AS a, sum(content LIKE '%process B') AS b FROM memories").get();
    const fts = db.prepare("SELECT count(*) AS n FROM memories_fts WHERE memories_fts MATCH 'fact'").get();
    db.close();
    expect(counts).toEqual({ a: 1000, b: 1000 });
    expect(fts).toEqual({ n: 2000 });
  });
});
