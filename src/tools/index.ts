import type { AnyTool } from './define-tool.js';
import { MEMORY_TOOLS } from './memory-tools.js';
import { SANDBOX_TOOLS } from './sandbox-tools.js';
import { SCHEDULE_TOOLS } from './schedule-tools.js';
import { skillFeedback, skillList, skillLoad, skillReadFile, skillSearch } from './skill-tools.js';
import { skillExtract } from './learn-tools.js';
import { skillCreate, skillPatch, skillRemoveFile, skillWriteFile } from './skill-write-tools.js';

/** Every tool the MCP server offers, one file per group. */
export const ALL_TOOLS: readonly AnyTool[] = [
  ...MEMORY_TOOLS,
  skillList,
  skillSearch,
  skillLoad,
  skillReadFile,
  skillCreate,
  skillPatch,
  skillWriteFile,
  skillRemoveFile,
  skillFeedback,
  skillExtract,
  ...SANDBOX_TOOLS,
  ...SCHEDULE_TOOLS,
];
