/** `team`: facts about the team, shared with its members (src/team) and visible in every project, like `user`. */
export type Scope = 'user' | 'project' | 'team';
export const SCOPES: readonly Scope[] = ['user', 'project', 'team'];

export interface Memory {
  id: string;
  scope: Scope;
  projectKey: string;
  content: string;
  tags: string[];
  source: string;
  createdAt: number;
  updatedAt: number;
  lastUsedAt: number | null;
  useCount: number;
}

export interface AddOptions {
  scope?: Scope;
  tags?: string[];
  /** Which tool or process wrote it, e.g. `mcp:memory_add`, `cli`, `reviewer`. */
  source?: string;
}

export interface AddResult {
  memory: Memory;
  /** True when an equal entry (ignoring case and white space) already existed and was returned instead. */
  duplicate: boolean;
}

export type Target = { id: string } | { oldText: string };

export interface SearchOptions {
  scope?: Scope;
  tags?: string[];
  limit?: number;
}

export interface SearchHit {
  id: string;
  content: string;
  scope: Scope;
  tags: string[];
  score: number;
  snippet: string;
  updatedAt: number;
}

export interface ListOptions {
  scope?: Scope;
  tags?: string[];
  limit?: number;
  offset?: number;
}

export interface MemoryStats {
  total: number;
  user: number;
  project: number;
  thisProject: number;
  projects: number;
  historyEntries: number;
  guardBlocks: number;
  oldest: number | null;
  newest: number | null;
}
