/**
 * The guard mark of a memory (see memory/guard-mark.ts), and the order a new session's context
 * reads memories in (most used, then newest, per scope and project) as an index, so that reading
 * the first few hundred does not sort every memory.
 */
export const memoryContextSql = `
ALTER TABLE memories ADD COLUMN guard_mark TEXT;
CREATE INDEX memories_context ON memories (scope, project_key, use_count, updated_at);
`;
