import { homedir, userInfo } from 'node:os';
import { redactSecrets } from '../guard/redact.js';
import type { TrajectoryEvidence } from './evidence.js';
import type { ProposedSkill } from './skill-text.js';

/**
 * A sentence in which the user says something about themselves (employer, team, family, where they live, their
 * name): true of the person, not of the procedure, so it never goes into a skill.
 */
const PERSONAL_FACT = new RegExp(
  String.raw`\b(?:i|i'm|i am|i've|i was|my|we|we're|our|me)\b[^.!?\n]*\b(?:work|works|working|worked|job|employer|employed|company|` +
    String.raw`team|boss|manager|colleague|coworker|live|living|lived|moved|born|wife|husband|partner|girlfriend|boyfriend|kids?|` +
    String.raw`children|son|daughter|mom|mother|dad|father|family|address|phone|email|birthday|salary|health|doctor|` +
    String.raw`diagnos\w*|religion|school|university)\b|\bmy name\b|\bcall me\b|\bi'?m called\b|\byears old\b`,
  'i',
);
/** "I'm Dana", "I am Dana Smith": an introduction, case-sensitive on the name. */
const INTRODUCTION = /\b(?:I'm|I am|[Tt]his is)\s+(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?)/u;
/** What a personal sentence names: the organisation after "at/for", a name after "name is" / "call me". */
const NAMED = [
  /\b(?:at|for|with|join(?:ed)?)\s+([\p{L}][\p{L}\p{N}&'-]+)/giu,
  /\b(?:name is|call me|called)\s+([\p{L}][\p{L}'-]+)/giu,
  /(?<=[^.!?]\s)(\p{Lu}[\p{L}\p{N}&'-]+)/gu,
];

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const HOME_PATH = /(?:\/home\/|\/Users\/|[A-Za-z]:\\Users\\|~\/|~\\)[^\s"'`<>|,;)]*/g;
const HOST = new RegExp(
  String.raw`\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|net|org|io|dev|app|co|ai|` +
    String.raw`cloud|internal|local|localdomain|corp|lan|intra|intranet|home|site|biz|info|us|` +
    String.raw`uk|de|eu|fr|jp)\b`,
  'gi',
);
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/g;
/** Hosts every developer shares: naming them says nothing about the user. */
const PUBLIC_HOSTS = new RegExp(
  String.raw`^(?:[\w-]+\.)*(?:github\.com|githubusercontent\.com|gitlab\.com|npmjs\.(?:com|` +
    String.raw`org)|pypi\.org|nodejs\.org|example\.(?:com|org|net)|docker\.(?:com|io)|` +
    String.raw`anthropic\.com|google\.com|microsoft\.com|mozilla\.org|python\.org|` +
    String.raw`rust-lang\.org|crates\.io|golang\.org|go\.dev)$`,
  'i',
);

export interface Scrubber {
  /** The text with personal facts, names, home paths, hostnames and secrets taken out. */
  text(value: string): string;
  /** A skill name (lowercase, hyphens) without the personal words found in the trajectory. */
  name(value: string): string;
}

/** Builds the scrubber for one trajectory: the names it reveals are removed wherever they appear. */
export function personalScrubber(ev: Pick<TrajectoryEvidence, 'prompts' | 'calls'>): Scrubber {
  const terms = personalTerms([...ev.prompts.map((p) => p.text), ...ev.calls.flatMap((c) => [c.input, c.response])]);
  const termPattern = terms.length > 0 ? new RegExp(`\\b(?:${terms.map(escape).join('|')})\\b`, 'giu') : undefined;
  const text = (value: string) => {
    let out = dropPersonalSentences(redactSecrets(value));
    out = out.replace(EMAIL, '[email]').replace(HOME_PATH, '[path]').replace(PHONE, '[phone]');
    out = out.replace(HOST, (h) => (PUBLIC_HOSTS.test(h) ? h : '[host]')).replace(IPV4, (ip) => (ip.startsWith('127.') ? ip : '[ip]'));
    return termPattern ? out.replace(termPattern, '[name]') : out;
  };
  const lower = new Set(terms.map((t) => t.toLowerCase()));
  const name = (value: string) =>
    value
      .split('-')
      .filter((w) => w && !lower.has(w))
      .join('-') || 'learned-procedure';
  return { text, name };
}

/** The trajectory as the extractors may read it: every prompt, input and response scrubbed. */
export function scrubEvidence(ev: TrajectoryEvidence, s: Scrubber): TrajectoryEvidence {
  return {
    ...ev,
    prompts: ev.prompts.map((p) => ({ ...p, text: s.text(p.text) })),
    calls: ev.calls.map((c) => ({ ...c, input: s.text(c.input), response: s.text(c.response) })),
  };
}

/** An extractor's proposal checked the same way, whichever extractor wrote it. */
export function scrubProposed(p: ProposedSkill, s: Scrubber): ProposedSkill {
  const metadata = Object.fromEntries(Object.entries(p.metadata).map(([k, v]) => [k, s.text(v)]));
  return { ...p, name: s.name(p.name), description: s.text(p.description), body: s.text(p.body), metadata };
}

function dropPersonalSentences(text: string): string {
  const keep = (sentence: string) => !PERSONAL_FACT.test(sentence) && !INTRODUCTION.test(sentence);
  return text
    .split('\n')
    .map((line) =>
      line
        .split(/(?<=[.!?])[ \t]+/)
        .filter(keep)
        .join(' '),
    )
    .join('\n');
}

/** Names the user's own sentences reveal, plus the account name of this machine and of home paths seen. */
function personalTerms(texts: string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const sentence of text.split(/(?<=[.!?])\s+|\n/)) {
      const intro = INTRODUCTION.exec(sentence);
      if (intro) for (const w of intro[1].split(/\s+/)) terms.add(w);
      if (!PERSONAL_FACT.test(sentence)) continue;
      for (const pattern of NAMED) for (const m of sentence.matchAll(pattern)) terms.add(m[1]);
    }
    for (const m of text.matchAll(/(?:\/home\/|\/Users\/|\\Users\\)([^/\\\s"'`]+)/g)) terms.add(m[1]);
  }
  for (const account of [safeUser(), homedir().split(/[\\/]/).pop() ?? '']) if (account.length >= 3) terms.add(account);
  return [...terms].filter((t) => t.length >= 3 && !COMMON.has(t.toLowerCase()));
}

/** Words the patterns above pick up that name nobody. */
const COMMON = new Set(
  'the this that work team company home least all once first last night times the with for and root user admin node'.split(' '),
);

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
