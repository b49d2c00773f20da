import { gap, negatable, phrase, token, type PatternRule } from '../rule-types.js';

const EDIT = '(?:edit|update|modify|change|append|add|write|overwrite|replace|insert|inject|put|patch|rewrite|echo|>>)';

/** Layer 4: changes that make an attack survive the session, or remove the user's safeguards. */
export const PERSISTENCE_RULES: readonly PatternRule[] = [
  token('persist.authorized_keys', 'persistence', 'high', 'authorized_keys', 'gi'),
  negatable(phrase('persist.shell_startup', 'persistence', 'high', `${EDIT}${gap(5)}(?:~\\/|\\/)?\\.(?:bashrc|zshrc|bash_profile|zprofile|profile|zshenv|bash_login|config\\/fish\\/config\\.fish)\\b|>>\\s*~?\\/?\\.(?:bashrc|zshrc|profile|bash_profile)\\b`)),
  negatable(phrase('persist.crontab', 'persistence', 'high', `\\bcrontab\\s+-[el]?\\s*|\\|\\s*crontab\\b|\\b(?:add|install|create|write)${gap(3)}(?:a\\s+)?(?:cron\\s*job|crontab\\s+entry|systemd\\s+(?:service|timer)|launch\\s*agent|scheduled\\s+task)\\b`)),
  negatable(phrase('persist.agent_files_rules', 'persistence', 'high', `\\b${EDIT}${gap(4)}(?:claude\\.md|agents\\.md|\\.cursorrules|\\.windsurfrules|copilot-instructions\\.md|gemini\\.md|soul\\.md|settings(?:\\.local)?\\.json|\\.mcp\\.json)${gap(3)}(?:new\\s+|these\\s+|the\\s+following\\s+)?(?:instructions|rules|directives|hooks|commands|servers|permissions)\\b|\\b${EDIT}${gap(4)}(?:claude\\.md|agents\\.md|\\.cursorrules)${gap(2)}(?:to\\s+)?(?:always|never|ignore|disable|allow)\\b`)),
  negatable(phrase('persist.agent_files', 'persistence', 'medium', `\\b${EDIT}${gap(4)}(?:claude\\.md|agents\\.md|\\.cursorrules|\\.windsurfrules|copilot-instructions\\.md|gemini\\.md|soul\\.md|settings(?:\\.local)?\\.json|\\.mcp\\.json|mcp\\.json|\\.claude\\/)`)),
  negatable(phrase('persist.hooks', 'persistence', 'high', `\\b${EDIT}${gap(4)}(?:a\\s+)?(?:pre-?tool-?use|post-?tool-?use|session-?start|user-?prompt-?submit|git)\\s+hooks?\\b`)),
  phrase('persist.disable_confirmations', 'persistence', 'high', `\\b(?:disable|turn off|switch off|skip|bypass|remove|stop asking for|don't ask for|do not ask for|no need for)\\s+(?:all\\s+|any\\s+|the\\s+)?(?:user\\s+)?(?:confirmations?|approvals?|permission(?:s| prompts?| checks?)|safety (?:checks|prompts)|sandbox(?:ing)?|verification|human review)\\b`),
  phrase('persist.auto_approve', 'persistence', 'high', `\\bauto-?approve\\b|\\balways\\s+(?:approve|allow|accept)\\s+(?:all|every|any)\\b|dangerously-skip-permissions|\\byolo\\s+mode\\b|bypasspermissions`),
];
