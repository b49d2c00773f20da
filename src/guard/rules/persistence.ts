import { gap, negatable, phrase, token, type PatternRule } from '../rule-types.js';

const EDIT = '(?:edit|update|modify|change|append|add|write|overwrite|replace|insert|inject|put|patch|rewrite|echo|>>)';

/**
 * Up to `n` words between an editing verb and its object, inside one clause, and not ending on a
 * word that only says where something is ("what to change under ~/.zshrc", "; see ~/.bashrc"):
 * naming a startup file is not an instruction to write to it.
 */
function objectGap(n: number): string {
  return (
    // a dot or colon inside a path or value ("/tmp/.cache/init.sh", "/tmp/x:$PATH") does not end the object
    String.raw`(?:[^\p{L}\p{N};:.!?\n]{1,12}(?:[\p{L}\p{N}'’_=$\/-]|[.:](?=[^\s.:])){1,30}){0,${n}}` +
    String.raw`(?<!\b(?:under|see|mentions?|lives?|documented|docs))[^\p{L}\p{N};!?\n]{1,12}`
  );
}

/** Layer 4: changes that make an attack survive the session, or remove the user's safeguards. */
export const PERSISTENCE_RULES: readonly PatternRule[] = [
  // naming the file to keep it clean ("should only contain my keys; don't add others") is not adding a key
  token(
    'persist.authorized_keys',
    'persistence',
    'high',
    String.raw`(?<!\b(?:never|don'?t|do\s+not)\s(?:\S{1,20}\s){0,3})authorized_keys(?![^\n]{0,80}?\b(?:should\s+only|` +
      String.raw`only\s+(?:contains?|has|have|holds?|lists?)|(?:don'?t|never|do\s+not)\s+add|is\s+managed\s+by)\b)`,
    'gi',
  ),
  negatable(
    phrase(
      'persist.shell_startup',
      'persistence',
      'high',
      String.raw`(?<!\b(?:chezmoi|yadm|dotbot|stow)\s{1,3})${EDIT}${objectGap(5)}(?:~\/|\/)?\.(?:bashrc|zshrc|bash_profile|zprofile|profile|zshenv|bash_login|` +
        String.raw`config\/fish\/config\.fish)\b|>>\s*~?\/?\.(?:bashrc|zshrc|profile|bash_profile)\b`,
    ),
  ),
  negatable(
    phrase(
      'persist.crontab',
      'persistence',
      'high',
      String.raw`\bcrontab\s+-[el]?\s*|\|\s*crontab\b|\b(?:add|install|create|write)` +
        String.raw`${gap(3)}(?:a\s+)?(?:cron\s*job|crontab\s+entry|systemd\s+(?:service|timer)|launch\s*agent|` +
        String.raw`scheduled\s+task)\b`,
    ),
  ),
  negatable(
    phrase(
      'persist.agent_files_rules',
      'persistence',
      'high',
      String.raw`\b${EDIT}${gap(4)}(?:claude\.md|agents\.md|\.cursorrules|` +
        String.raw`\.windsurfrules|copilot-instructions\.md|gemini\.md|soul\.md|` +
        String.raw`settings(?:\.local)?\.json|\.mcp\.json)${gap(3)}(?:new\s+|these\s+|` +
        String.raw`the\s+following\s+)?(?:instructions|` +
        String.raw`rules|directives|hooks|commands|servers|` +
        String.raw`permissions)\b|\b${EDIT}${gap(4)}(?:claude\.md|agents\.md|` +
        String.raw`\.cursorrules)${gap(2)}(?:to\s+)?(?:always|never|ignore|disable|allow)\b`,
    ),
  ),
  negatable(
    phrase(
      'persist.agent_files',
      'persistence',
      'low',
      String.raw`\b${EDIT}${gap(4)}(?:claude\.md|agents\.md|\.cursorrules|\.windsurfrules|copilot-instructions\.md|gemini\.md|soul\.md|` +
        String.raw`settings(?:\.local)?\.json|\.mcp\.json|mcp\.json|\.claude\/)`,
    ),
  ),
  negatable(
    phrase(
      'persist.hooks',
      'persistence',
      'high',
      `\\b${EDIT}${gap(4)}(?:a\\s+)?(?:pre-?tool-?use|post-?tool-?use|session-?start|user-?prompt-?submit|git)\\s+hooks?\\b`,
    ),
  ),
  phrase(
    'persist.disable_confirmations',
    'persistence',
    'high',
    String.raw`\b(?:disable|turn off|switch off|skip|bypass|remove|stop asking for|don't ask for|do not ask for|` +
      String.raw`no need for)\s+(?:all\s+|any\s+|the\s+)?(?:user\s+)?(?:confirmations?|approvals?|permission(?:s|` +
      String.raw` prompts?| checks?)|safety (?:checks|prompts)|sandbox(?:ing)?|verification|human review)\b`,
  ),
  phrase(
    'persist.auto_approve',
    'persistence',
    'high',
    String.raw`\bauto-?approve\b|\balways\s+(?:approve|allow|accept)\s+(?:all|every|any)\b|` +
      String.raw`dangerously-skip-permissions|\byolo\s+mode\b|bypasspermissions`,
  ),
];
