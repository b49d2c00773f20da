import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes `<root>/<name>/SKILL.md` with the given frontmatter lines and body. */
export function writeSkill(
  root: string,
  name: string,
  opts: { description?: string; body?: string; extra?: string; folder?: string } = {},
): string {
  const folder = join(root, opts.folder ?? name);
  mkdirSync(folder, { recursive: true });
  const description = opts.description ?? `Use when working on ${name}`;
  const text = `---\nname: ${name}\ndescription: ${description}\n${opts.extra ?? ''}---\n\n${opts.body ?? `# ${name}\n\n1. First step\n2. Second step\n`}`;
  writeFileSync(join(folder, 'SKILL.md'), text);
  return join(folder, 'SKILL.md');
}
