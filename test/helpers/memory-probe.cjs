// Test-only: preloaded into a real kei-mcp (NODE_OPTIONS=--require) so a test can read what the process
// still holds. On SIGUSR2 it runs full "last-resort" collections and writes process.memoryUsage() in MB to
// $KEI_TEST_MEMORY_OUT. Last-resort rather than a plain full collection because Node 22's V8 keeps the pages
// a collection frees in a pool that stays resident (~150 MB after a flood); last-resort releases that pool,
// so the numbers show what the program keeps alive, not what V8 keeps for reuse (Node 20 and 24 behave alike).
const { renameSync, writeFileSync } = require('node:fs');
const { setFlagsFromString } = require('node:v8');
const { runInNewContext } = require('node:vm');

let gc;
process.on('SIGUSR2', () => {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc');
  }
  for (let i = 0; i < 3; i++) gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  const mb = Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, v / 1048576]));
  const out = process.env.KEI_TEST_MEMORY_OUT;
  // Written whole, then renamed: the test never reads half a file.
  writeFileSync(`${out}.tmp`, JSON.stringify(mb));
  renameSync(`${out}.tmp`, out);
});
