import { shannon } from './entropy.js';
import { excerptOf } from './excerpt.js';
import type { MaintainedAllowlist, MaintainedPattern, MaintainedRule } from './maintained-types.js';
import { GITLEAKS_GLOBAL_ALLOW, GITLEAKS_RULES } from './rules/gitleaks.generated.js';
import type { Finding } from './types.js';

export interface SecretSpan {
  start: number;
  end: number;
  rule: string;
  severity: MaintainedRule['severity'];
}

interface Compiled {
  rule: MaintainedRule;
  name: string;
  pattern: RegExp;
}

/** Findings per rule per text, as for the pattern rules: a few are enough to judge a write. */
const MATCHES_PER_RULE = 4;
let byPair: KeywordIndex | undefined;
const allowCache = new Map<MaintainedPattern, RegExp>();

/**
 * The maintained rule list (gitleaks' default rules, generated into rules/gitleaks.generated.ts) as
 * findings. A rule runs only when the lower-cased text holds one of its keywords, as in gitleaks, so a
 * text without any costs one lower-casing and one pass.
 */
export function scanMaintainedSecrets(text: string): Finding[] {
  return maintainedSecretSpans(text, MATCHES_PER_RULE).map((s) => ({
    rule: s.rule,
    category: 'secret',
    severity: s.severity,
    start: s.start,
    end: s.end,
    excerpt: excerptOf(text, s.start, s.end, 16),
  }));
}

/** Where the secrets are: the secret group of each match that passes its entropy floor and allowlists. */
export function maintainedSecretSpans(text: string, perRule = Number.POSITIVE_INFINITY): SecretSpan[] {
  const spans: SecretSpan[] = [];
  for (const compiled of candidates(text)) {
    compiled.pattern.lastIndex = 0;
    let count = 0;
    for (const m of text.matchAll(compiled.pattern)) {
      const span = secretSpan(compiled.rule, m, text);
      if (!span) continue;
      spans.push({ ...span, rule: compiled.name, severity: compiled.rule.severity });
      if (++count >= perRule) break;
    }
  }
  return spans;
}

interface Keyword {
  word: string;
  rules: Compiled[];
}

/** Keywords by their first two characters (ASCII, as every keyword of the list is): one pass finds them all. */
type KeywordIndex = (Keyword[] | undefined)[];

/**
 * Rules whose keyword occurs in the text, each once: one pass over the lower-cased text, looking up
 * each pair of characters in a table, so the cost does not grow with the number of keywords (a
 * substring search per keyword cost ~200 passes).
 */
function candidates(text: string): Set<Compiled> {
  const index = (byPair ??= buildIndex());
  const lower = text.toLowerCase();
  const found = new Set<Compiled>();
  for (let i = 0; i + 1 < lower.length; i++) {
    const a = lower.charCodeAt(i);
    const b = lower.charCodeAt(i + 1);
    if (a > 127 || b > 127) continue;
    const keywords = index[a * 128 + b];
    if (!keywords) continue;
    for (const k of keywords) if (lower.startsWith(k.word, i)) for (const r of k.rules) found.add(r);
  }
  return found;
}

function buildIndex(): KeywordIndex {
  const words = new Map<string, Compiled[]>();
  for (const rule of GITLEAKS_RULES) {
    const compiled = lazilyCompiled(rule);
    for (const keyword of rule.keywords) words.set(keyword, [...(words.get(keyword) ?? []), compiled]);
  }
  const index: KeywordIndex = new Array<Keyword[] | undefined>(128 * 128);
  for (const [word, rules] of words) {
    const pair = word.charCodeAt(0) * 128 + word.charCodeAt(1);
    (index[pair] ??= []).push({ word, rules });
  }
  return index;
}

/**
 * A rule whose pattern is compiled when a keyword first selects it: a text names a handful of keywords, and building
 * all two hundred patterns up front cost each short-lived process (a hook redacting one prompt) milliseconds.
 */
function lazilyCompiled(rule: MaintainedRule): Compiled {
  let pattern: RegExp | undefined;
  return {
    rule,
    name: `secret.${rule.id.replace(/-/g, '_')}`,
    get pattern() {
      return (pattern ??= new RegExp(rule.source, `${rule.flags}gd`));
    },
  };
}

function secretSpan(rule: MaintainedRule, m: RegExpExecArray, text: string): { start: number; end: number } | undefined {
  const indices = m.indices ?? [];
  const group = rule.secretGroup > 0 ? rule.secretGroup : indices.findIndex((g, i) => i > 0 && g !== undefined && g[1] > g[0]);
  const [start, end] = (group > 0 ? indices[group] : undefined) ?? [m.index, m.index + m[0].length];
  const secret = text.slice(start, end);
  if (secret.length === 0 || (rule.entropy > 0 && shannon(secret) < rule.entropy)) return undefined;
  const line = () => lineAround(text, m.index, m.index + m[0].length);
  const lists = [GITLEAKS_GLOBAL_ALLOW, ...rule.allow];
  return lists.some((list) => allows(list, secret, m[0], line)) ? undefined : { start, end };
}

function allows(list: MaintainedAllowlist, secret: string, match: string, line: () => string): boolean {
  const subject = list.target === 'match' ? match : list.target === 'line' ? line() : secret;
  const lower = secret.toLowerCase();
  if (list.stopwords.some((w) => lower.includes(w))) return true;
  return list.regexes.some((p) => allowPattern(p).test(subject));
}

function allowPattern(p: MaintainedPattern): RegExp {
  let re = allowCache.get(p);
  if (!re) allowCache.set(p, (re = new RegExp(p.source, p.flags)));
  return re;
}

function lineAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf('\n', start) + 1;
  const to = text.indexOf('\n', end);
  return text.slice(from, to === -1 ? text.length : to);
}
