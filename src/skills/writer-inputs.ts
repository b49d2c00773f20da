/** What callers hand the skill writer, and the frontmatter a new skill gets from it. */
export interface CreateSkillInput {
  name: string;
  description: string;
  body: string;
  category?: string;
  metadata?: Record<string, string>;
  source?: string;
}

export interface PatchInput {
  name: string;
  old: string;
  new: string;
  file?: string;
  replaceAll?: boolean;
  source?: string;
}

export function frontmatterOf(input: CreateSkillInput): Record<string, unknown> {
  const fields: Record<string, unknown> = { name: input.name, description: input.description };
  if (input.metadata && Object.keys(input.metadata).length > 0) fields.metadata = input.metadata;
  return fields;
}
