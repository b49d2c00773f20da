import type { AnyTool } from './define-tool.js';
import { MEMORY_TOOLS } from './memory-tools.js';

/** Every tool the MCP server offers, one file per group. */
export const ALL_TOOLS: readonly AnyTool[] = [...MEMORY_TOOLS];
