import type { Scope } from './types.js';
import { likePattern } from './fts-query.js';

/**
 * SQL that restricts memories (alias `m`) to what this project may see: user and team memories plus this
 * project's, or one scope of them; and to entries carrying every requested tag.
 */
export function visibilityFilter(projectKey: string, scope?: Scope, tags: readonly string[] = []): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  // Unary + keeps SQLite from answering this OR with the dedupe index instead of the rowid lookups.
  if (scope === 'user' || scope === 'team') parts.push(`+m.scope = '${scope}'`);
  else if (scope === 'project') {
    parts.push("+m.scope = 'project' AND +m.project_key = ?");
    params.push(projectKey);
  } else {
    parts.push("(+m.scope IN ('user', 'team') OR (+m.scope = 'project' AND +m.project_key = ?))");
    params.push(projectKey);
  }
  for (const tag of tags) {
    parts.push("(' ' || m.tags || ' ') LIKE ? ESCAPE '\\'");
    params.push(likePattern(` ${tag.toLowerCase()} `));
  }
  return { sql: parts.join(' AND '), params };
}
