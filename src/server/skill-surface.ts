import { statSync } from 'node:fs';
import { McpServer, ResourceTemplate, type RegisteredPrompt } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Kit } from '../kit.js';
import { recordInvocation } from '../ledger/skill-invocations.js';
import { resolveInside } from '../core/safe-path.js';
import type { Skill } from '../skills/index.js';
import { bodyOffset, capText, readSlice } from '../skills/read-slice.js';

const MIME: Record<string, string> = {
  md: 'text/markdown',
  py: 'text/x-python',
  sh: 'text/x-shellscript',
  js: 'text/javascript',
  ts: 'text/typescript',
  json: 'application/json',
  txt: 'text/plain',
};

/**
 * Skills as MCP prompts (slash commands in Cursor, Zed, VS Code) and resources
 * (`skill://<name>/SKILL.md` and its files), kept in step with the registry: a skill added or
 * removed on disk adds or removes its prompt, and clients get `list_changed`.
 */
export function exposeSkills(server: McpServer, kit: Kit): () => void {
  const prompts = new Map<string, { prompt: RegisteredPrompt; mtime: number }>();
  const sync = () => syncPrompts(server, kit, prompts);
  sync();
  server.registerResource(
    'skill-files',
    new ResourceTemplate('skill://{name}/{+path}', { list: () => listResources(kit) }),
    { title: 'Skill files', description: 'SKILL.md and supporting files of every skill KeiSeiKit can see.' },
    (uri, vars) => readResource(kit, uri.href, String(vars.name), String(vars.path)),
  );
  const onChange = () => {
    sync();
    if (server.isConnected()) server.sendResourceListChanged();
  };
  kit.skills.registry.on('changed', onChange);
  return () => kit.skills.registry.off('changed', onChange);
}

function syncPrompts(server: McpServer, kit: Kit, prompts: Map<string, { prompt: RegisteredPrompt; mtime: number }>): void {
  const current = new Map(kit.skills.registry.all().map((s) => [s.name, s]));
  for (const [name, entry] of prompts) {
    const skill = current.get(name);
    if (!skill || skill.mtimeMs !== entry.mtime) {
      entry.prompt.remove();
      prompts.delete(name);
    }
  }
  for (const [name, skill] of current) {
    if (prompts.has(name)) continue;
    const prompt = server.registerPrompt(name, { title: name, description: skill.description.slice(0, 1024) }, () => promptFor(kit, name));
    prompts.set(name, { prompt, mtime: skill.mtimeMs });
  }
}

function promptFor(kit: Kit, name: string) {
  const skill = kit.skills.registry.get(name) as Skill;
  recordInvocation(kit.db, { skillName: name, source: 'mcp', at: kit.clock.now() });
  const body = capText(skill.body);
  const next = body.truncated ? bodyOffset(statSync(skill.path).size, skill.body) + body.bytes : 0;
  const rest = body.truncated ? `\n\n${truncatedNote(skill.name, 'SKILL.md', body.bytes, body.totalBytes, next)}` : '';
  const text = `Use the skill "${skill.name}" (base folder: ${skill.folder}).\n\n${body.text}${rest}`;
  return { description: skill.description, messages: [{ role: 'user' as const, content: { type: 'text' as const, text } }] };
}

/**
 * A name in a URI: every character outside letters, digits, `-`, `_`, `.` and `~` percent-encoded,
 * so `Ahrefs Automation` is `skill://Ahrefs%20Automation/SKILL.md`, a URI every client can parse.
 */
export function skillUri(name: string, file = 'SKILL.md'): string {
  const encoded = encodeURIComponent(name).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `skill://${encoded}/${file}`;
}

function listResources(kit: Kit) {
  const resources = [];
  for (const skill of kit.skills.registry.all()) {
    resources.push({
      uri: skillUri(skill.name),
      name: `${skill.name}/SKILL.md`,
      description: skill.description.slice(0, 300),
      mimeType: 'text/markdown',
    });
  }
  return { resources };
}

function readResource(kit: Kit, uri: string, name: string, path: string) {
  const skillName = decodePart(name, 'skill name');
  const skill = kit.skills.registry.get(skillName) ?? kit.skills.registry.get(name);
  if (!skill) throw new Error(`no skill named "${skillName}" (a name in a skill:// URI is percent-encoded: ${skillUri(skillName)})`);
  const relative = decodePart(path, 'file path');
  const file = resolveInside(skill.folder, relative);
  const ext = file.split('.').pop() ?? '';
  const slice = readSlice(file);
  const next = slice.nextOffset;
  const rest = next === null ? '' : `\n\n${truncatedNote(skill.name, relative, next, slice.size, next)}`;
  return { contents: [{ uri, mimeType: MIME[ext] ?? 'text/plain', text: slice.content + rest }] };
}

function decodePart(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new Error(`the ${what} "${part}" is not valid percent-encoding (encode it with encodeURIComponent)`);
  }
}

/** Prompts and resources are capped like skill_load: the note names the call that reads the rest. */
function truncatedNote(name: string, file: string, shown: number, total: number, offset: number): string {
  const args = JSON.stringify({ name, file, offset });
  return `[truncated: ${shown} of ${total} bytes shown. Read the rest with the skill_read_file tool ${args}]`;
}
