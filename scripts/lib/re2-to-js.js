// Translates a Go RE2 pattern (gitleaks' rule syntax) into a JavaScript one with the same meaning on
// Node 20, which has no inline flag groups: `(?i)` and `(?i:…)` become explicit case classes, `(?-i:…)`
// a plain group, `(?P<n>…)` a non-capturing group (names repeat across alternatives in RE2), POSIX
// classes ranges, `\z` `$`, and `.*`/`.+` a bounded run on one line: RE2 is linear whatever the pattern,
// a backtracking engine is not, so every unbounded dot becomes at most MAX_DOT_RUN characters.

const MAX_DOT_RUN = 256;
const POSIX = {
  alnum: 'A-Za-z0-9',
  alpha: 'A-Za-z',
  digit: '0-9',
  lower: 'a-z',
  upper: 'A-Z',
  space: '\\s',
  word: '\\w',
  xdigit: '0-9A-Fa-f',
};

/** Returns `{ source, flags }`; a leading `(?i)` becomes the `i` flag rather than case classes. */
export function re2ToJs(pattern) {
  let flags = '';
  let rest = pattern;
  if (rest.startsWith('(?i)')) {
    rest = rest.slice(4);
    // A case-sensitive part inside (`(?-i:[Aa]pi)`) keeps the flag off: every other letter gets its case class.
    if (rest.includes('(?-i')) return { source: translate(rest, false, true), flags };
    flags = 'i';
  }
  return { source: translate(rest, flags === 'i', false), flags };
}

function translate(p, wholeIgnoresCase, startIgnoringCase) {
  let out = '';
  let ci = startIgnoringCase;
  const stack = [];
  for (let i = 0; i < p.length;) {
    const c = p[i];
    if (c === '\\') {
      const [text, next] = escape(p, i);
      out += text;
      i = next;
    } else if (c === '[') {
      const [text, next] = charClass(p, i, ci && !wholeIgnoresCase);
      out += text;
      i = next;
    } else if (c === '(') {
      const [text, next, mode] = groupOpen(p, i, ci);
      if (mode === 'set') ci = true;
      else {
        stack.push(ci);
        if (mode !== undefined) ci = mode;
      }
      out += text;
      i = next;
    } else if (c === ')') {
      ci = stack.pop() ?? startIgnoringCase;
      out += ')';
      i++;
    } else if (c === '.' && (p[i + 1] === '*' || p[i + 1] === '+')) {
      out += `[^\\r\\n]{${p[i + 1] === '*' ? 0 : 1},${MAX_DOT_RUN}}`;
      i += 2;
    } else if (c === '{') {
      // A repeat count is copied; any other brace is a literal in RE2.
      const count = /^\{\d+(?:,\d*)?\}/.exec(p.slice(i))?.[0];
      out += count ?? '\\{';
      i += count?.length ?? 1;
    } else {
      out += ci && !wholeIgnoresCase && /[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c;
      i++;
    }
  }
  return out;
}

function escape(p, i) {
  const c = p[i + 1];
  if (c === 'z') return ['$', i + 2];
  if (c === 'A') return ['^', i + 2];
  if (c === 'x' && p[i + 2] === '{') {
    const end = p.indexOf('}', i);
    return [`\\u{${p.slice(i + 3, end)}}`, end + 1];
  }
  if (c === 'x') return [p.slice(i, i + 4), i + 4];
  if ((c === 'p' || c === 'P') && p[i + 2] === '{') {
    const end = p.indexOf('}', i);
    return [p.slice(i, end + 1), end + 1];
  }
  return [p.slice(i, i + 2), i + 2];
}

/** Opens a group: returns its text, where the pattern goes on, and the case mode inside ('set' for a bare `(?i)`). */
function groupOpen(p, i, ci) {
  if (p.startsWith('(?i)', i)) return ['', i + 4, 'set'];
  if (p.startsWith('(?i:', i)) return ['(?:', i + 4, true];
  if (p.startsWith('(?-i:', i)) return ['(?:', i + 5, false];
  if (p.startsWith('(?s:', i)) return ['(?:', i + 4, ci];
  if (p.startsWith('(?P<', i)) return ['(?:', p.indexOf('>', i) + 1, ci];
  if (p.startsWith('(?<', i) && p[i + 3] !== '=' && p[i + 3] !== '!') return ['(?:', p.indexOf('>', i) + 1, ci];
  for (const open of ['(?:', '(?=', '(?!', '(?<=', '(?<!']) if (p.startsWith(open, i)) return [open, i + open.length, ci];
  if (p.startsWith('(?', i)) throw new Error(`unsupported group at ${i}: ${p.slice(i, i + 8)}`);
  return ['(', i + 1, ci];
}

/** A bracket class: POSIX names expanded, a leading `]` escaped (RE2 reads it literally, JS as the end), case added. */
function charClass(p, i, ci) {
  let j = i + 1;
  let out = '[';
  if (p[j] === '^') {
    out += '^';
    j++;
  }
  if (p[j] === ']') {
    out += '\\]';
    j++;
  }
  const items = [];
  while (j < p.length && p[j] !== ']') {
    if (p.startsWith('[:', j)) {
      const end = p.indexOf(':]', j);
      const name = p.slice(j + 2, end);
      if (!POSIX[name]) throw new Error(`unknown POSIX class ${name}`);
      items.push(POSIX[name]);
      j = end + 2;
    } else if (p[j] === '\\') {
      const [text, next] = escape(p, j);
      items.push(text);
      j = next;
    } else if (p[j + 1] === '-' && p[j + 2] !== ']' && p[j + 2] !== undefined) {
      items.push(p.slice(j, j + 3));
      j += 3;
    } else {
      items.push(p[j] === '[' ? '\\[' : p[j]);
      j++;
    }
  }
  const extra = ci ? items.map(otherCase).filter(Boolean) : [];
  return [`${out}${items.join('')}${extra.join('')}]`, j + 1];
}

function otherCase(item) {
  if (/^[a-z]-[a-z]$/.test(item) || /^[A-Z]-[A-Z]$/.test(item)) {
    return item === item.toLowerCase() ? item.toUpperCase() : item.toLowerCase();
  }
  if (/^[a-zA-Z]$/.test(item)) return item === item.toLowerCase() ? item.toUpperCase() : item.toLowerCase();
  return '';
}
