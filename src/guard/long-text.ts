/**
 * Long text is read whole, in linear time: a cheap sieve passes over every character and picks the
 * windows worth the full scan (every rule, every decoder). The first and last windows are always
 * read in full (where an injection has to be to be read first or last); the others in order of how
 * many attack signals they hold, up to a fixed number, so hostile text cannot buy unbounded work.
 */
export interface TextWindow {
  start: number;
  end: number;
}

/** Longer than the longest span a rule can match (gaps are bounded), so no match straddles unseen. */
const WINDOW = 4096;
const OVERLAP = 1024;
const STRIDE = WINDOW - OVERLAP;
/** Full scans per long text beyond the first and last window: bounds the work at any size. */
const DEEP_WINDOWS = 8;
const HITS_PER_CELL = 24;

/**
 * Signals of the attack families, each its own pattern (one alternation with a fixed first character
 * set stays fast; mixing them makes the engine try every branch at every position): word stems of
 * override, disclosure, secrets, agent files, approval and concealment; carriers (escapes, entities,
 * percent-encoding, quoted pieces joined with +, long base64/hex runs); and non-ASCII text
 * (homoglyphs, other languages, invisible characters), which only the full scan can judge.
 */
const STEMS = (
  String.raw`ignor|disregard|forget|overrid|bypass|instruct|prompt|jailbreak|pretend|roleplay|persona|henceforth|` +
  String.raw`exfiltrat|leak|reveal|curl|wget|netcat|webhook|upload|forward|send|post|bcc|fetch|ngrok|pastebin|` +
  String.raw`passw|secret|token|credent|api.?key|private|id_rsa|id_ed25519|authorized_keys|keychain|cookie|ssh|` +
  String.raw`env|aws|netrc|npmrc|pypirc|bashrc|zshrc|profile|printenv|environ|shadow|crontab|systemd|hook|claude|` +
  String.raw`agents|cursorrules|settings|mcp|approv|confirm|permission|sudo|chmod|rm|force|admin|developer|` +
  String.raw`maintenance|urgent|important|mention|tell|inform|hide|conceal|silent|quietly|never|eval|exec|base64|` +
  String.raw`base32|atob|rot13|decode|revers|concat|join|fromcharcode|system|im_start|inst|akia|ghp_|gho_|` +
  String.raw`github_pat|xox|sk-|glpat|sg\.|dop_v1|payment|iban|account|wire|registry|login|redirect|`
).replace(/\|$/, '');
const SIEVES: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:${STEMS})`, 'g'),
  /[^\x00-\x7f]/g,
  /\\[xu][0-9a-f]|&#?\w{2,8};|%[0-9a-f]{2}|["'`]\s*\+|<\|/g,
];
/** Long base64/hex runs are counted by `runSignals`: as a regex, `[a-z0-9+/]{40}` retries up to 39 characters at every word. */
const RUN = 40;
export function windowsOf(length: number): TextWindow[] {
  const out: TextWindow[] = [];
  for (let start = 0; start < length; start += STRIDE) {
    out.push({ start, end: Math.min(length, start + WINDOW) });
    if (start + WINDOW >= length) break;
  }
  return out;
}

/** The windows of a long text to scan in full: first, last, and the richest in signals. */
export function deepWindows(text: string): TextWindow[] {
  const all = windowsOf(text.length);
  const cells = cellSignals(text.toLowerCase(), all.length);
  const ranked = all
    .map((w, i) => ({ w, i, score: union(cells[i], cells[i + 1]) }))
    .filter((r) => r.score > 0 && r.i !== 0 && r.i !== all.length - 1)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, DEEP_WINDOWS);
  const chosen = [all[0], ...ranked.map((r) => r.w)];
  if (all.length > 1) chosen.push(all[all.length - 1]);
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * Distinct signals per cell (the stride-long start of each window). Each sieve reads at most
 * HITS_PER_CELL matches in a cell, then jumps to the next: one pass per sieve, whatever the text holds.
 */
function cellSignals(text: string, count: number): (Set<string> | undefined)[] {
  const cells = new Array<Set<string> | undefined>(count + 1);
  for (const sieve of SIEVES) {
    let cell = -1;
    let read = 0;
    sieve.lastIndex = 0;
    for (let m = sieve.exec(text); m; m = sieve.exec(text)) {
      const at = Math.floor(m.index / STRIDE);
      if (at !== cell) [cell, read] = [at, 0];
      (cells[cell] ??= new Set()).add(m[0].slice(0, 12));
      if (++read >= HITS_PER_CELL) sieve.lastIndex = Math.max(sieve.lastIndex, (cell + 1) * STRIDE);
    }
  }
  runSignals(text, cells);
  return cells;
}

/** Each 40-character piece of a base64/hex-like run is a signal (as `/[a-z0-9+/]{40}/g` would match them), in one pass. */
function runSignals(text: string, cells: (Set<string> | undefined)[]): void {
  let runStart = 0;
  let cell = -1;
  let read = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const inRun = (c >= 97 && c <= 122) || (c >= 47 && c <= 57) || c === 43; // a-z, / and 0-9, +
    if (!inRun) runStart = i + 1;
    else if (i + 1 - runStart === RUN) {
      const at = Math.floor(runStart / STRIDE);
      if (at !== cell) [cell, read] = [at, 0];
      if (++read <= HITS_PER_CELL) (cells[cell] ??= new Set()).add(text.slice(runStart, runStart + 12));
      runStart = i + 1;
    }
  }
}

function union(a: Set<string> | undefined, b: Set<string> | undefined): number {
  if (!a || !b) return (a?.size ?? 0) + (b?.size ?? 0);
  let n = a.size;
  for (const k of b) if (!a.has(k)) n++;
  return n;
}
