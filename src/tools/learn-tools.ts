import { z } from 'zod';
import { openInvoker } from '../learn/invoker/index.js';
import { extractFromSession } from '../learn/on-demand.js';
import { defineTool } from './define-tool.js';

export const skillExtract = defineTool({
  name: 'skill_extract',
  title: 'Extract a skill from this session',
  description:
    'Turn what was done in the current Claude Code session (as the KeiSeiKit hooks recorded it) into a ' +
    'reusable Agent Skill, now rather than at the nightly run. Same pipeline: model or offline ' +
    'extractor, validation, injection guard, dedupe against existing skills, cap on auto-extracted ' +
    'skills. Says what it wrote or why it did not.',
  input: {
    session_id: z.string().optional().describe('Session to extract from; default: the most recently active session of this project.'),
  },
  output: { name: z.string(), path: z.string(), extractor: z.string() },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handle(args, kit, extra) {
    const done = await extractFromSession(kit, openInvoker(kit, { tolerant: true }), args.session_id, extra?.signal);
    const how = done.extractor === 'offline' ? `offline extractor${done.note ? ` (${done.note})` : ''}` : `model via ${done.extractor}`;
    return {
      structured: { name: done.skill, path: done.path, extractor: done.extractor },
      text: `Created skill ${done.skill} (${how}) at ${done.path}. It is a draft: read it, fix it with skill_patch, and it will be used from now on.`,
    };
  },
});
