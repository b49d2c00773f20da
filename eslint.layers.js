// Which module may import which: the architecture (docs/architecture.md) as lint rules, so a forbidden
// import fails `npm run lint`. Adapters (cli, server, tools, hooks, install) may import anything below them.
// Upper-case SQL, as every statement in this code base is written; prose such as "replace one entry" is not matched.
const SQL = '^\\s*(SELECT\\s|INSERT\\s+INTO\\s|UPDATE\\s+\\w+\\s+SET\\s|DELETE\\s+FROM\\s|REPLACE\\s+INTO\\s|WITH\\s+\\w+\\s+AS\\s)';
const SQL_MESSAGE = 'no SQL in adapters: call a named function of the domain module that owns the table';

const DOMAIN_AND_BELOW = {
  guard: [],
  core: ['guard'],
  ledger: ['core', 'guard'],
  gate: ['core', 'guard', 'ledger'],
  memory: ['core', 'guard', 'gate'],
  skills: ['core', 'guard', 'gate'],
  sandbox: ['core'],
  export: ['core', 'guard', 'ledger'],
  learn: ['core', 'guard', 'gate', 'ledger', 'memory', 'skills', 'sandbox', 'team'],
  schedule: ['core', 'guard', 'gate', 'ledger', 'sandbox', 'export', 'learn', 'team'],
  taps: ['core', 'guard', 'gate', 'skills'],
  team: ['core', 'guard', 'gate', 'ledger', 'memory', 'skills'],
};
const ADAPTERS = ['cli', 'server', 'tools', 'hooks', 'install', 'ui'];
const EVERY_MODULE = [...Object.keys(DOMAIN_AND_BELOW), ...ADAPTERS];

/** A relative import that climbs out of its module into one of `modules` (or the composition root). */
const reaching = (modules) => `^(\\.\\./)+(${[...modules, 'kit\\.js'].join('|')})(/|$)`;

export const layerRules = Object.entries(DOMAIN_AND_BELOW).map(([module, allowed]) => {
  const forbidden = EVERY_MODULE.filter((m) => m !== module && !allowed.includes(m));
  const message =
    module === 'guard'
      ? 'the guard imports nothing outside src/guard (docs/architecture.md)'
      : `src/${module} may import only ${allowed.length ? allowed.join(', ') : 'itself'}: layers point down (docs/architecture.md)`;
  return {
    files: [`src/${module}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: reaching(forbidden), message }] }] },
  };
});

/** The composition root (and the library entry that re-exports it) may use every domain module, never an adapter. */
layerRules.push({
  files: ['src/kit.ts', 'src/index.ts'],
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ regex: `^\\./(${ADAPTERS.join('|')})/`, message: 'kit.ts is below the adapters' }] }],
  },
});

/** SQL belongs to the domain modules that own the tables; an adapter calls a named function instead. */
export const noSqlInAdapters = {
  files: ADAPTERS.map((a) => `src/${a}/**/*.ts`),
  rules: {
    'no-restricted-syntax': [
      'error',
      { selector: `Literal[value=/${SQL}/]`, message: SQL_MESSAGE },
      { selector: `TemplateElement[value.raw=/${SQL}/]`, message: SQL_MESSAGE },
    ],
  },
};
