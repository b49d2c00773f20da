/**
 * Every error code KeiSeiKit raises, in one place: `code` is the stable contract clients and tests match
 * on, so a new one is added here (the compiler refuses an unknown code) and compared through `hasCode`.
 */
export const ERROR_CODES = [
  'archive_exists',
  'budget_exhausted',
  'cancelled',
  'cannot_remove_skill_md',
  'cap_reached',
  'config_invalid',
  'config_unreadable',
  'daytona_autostop',
  'daytona_error',
  'daytona_no_key',
  'daytona_not_found',
  'daytona_rate_limited',
  'daytona_state',
  'daytona_unauthorized',
  'db_too_new',
  'duplicate_skill',
  'file_not_found',
  'file_too_large',
  'git_failed',
  'guard_blocked',
  'guard_bypass_refused',
  'http_unprotected',
  'install_blocked',
  'install_blocked_critical',
  'install_file_too_large',
  'install_invalid',
  'install_needs_confirmation',
  'install_outside_repo',
  'install_skill_too_large',
  'install_too_many_files',
  'invalid_backend',
  'invalid_builtin',
  'invalid_category',
  'invalid_content',
  'invalid_git_url',
  'invalid_install_spec',
  'invalid_job_name',
  'invalid_path',
  'invalid_payload',
  'invalid_sandbox_name',
  'invalid_scope',
  'invalid_source',
  'invalid_tag',
  'invalid_tap_name',
  'invalid_target',
  'invalid_version',
  'invalid_when',
  'invocation_not_found',
  'invoker_failed',
  'invoker_unavailable',
  'job_exists',
  'job_not_found',
  'lock_invalid',
  'memory_ambiguous',
  'memory_no_match',
  'memory_not_found',
  'memory_nothing_to_undo',
  'memory_too_large',
  'no_versions',
  'not_a_skill',
  'nothing_to_extract',
  'patch_ambiguous',
  'patch_empty_old',
  'patch_no_match',
  'path_escape',
  'path_invalid',
  'reply_invalid',
  'restore_mismatch',
  'sandbox_not_found',
  'sandbox_unavailable',
  'sandbox_unsandboxed_refused',
  'session_not_found',
  'skill_exists',
  'skill_invalid',
  'skill_not_archivable',
  'skill_not_archived',
  'skill_not_found',
  'skill_not_in_tap',
  'skill_read_only',
  'skill_yaml_invalid',
  'sqlite_unavailable',
  'tap_exists',
  'tap_not_found',
  'team_invalid',
  'team_not_joined',
  'team_unreachable',
  'ui_not_loopback',
  'ui_port_in_use',
  'unknown_client',
  'write_failed',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Base class for every error KeiSeiKit raises on purpose: `code` is stable, `message` is for people. */
export class KeiError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'KeiError';
    this.code = code;
    this.details = details;
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Whether an error is a KeiError with this code (instead of comparing code strings by hand). */
export function hasCode(err: unknown, code: ErrorCode): err is KeiError {
  return err instanceof KeiError && err.code === code;
}
