/**
 * The team's database on Postgres. `kei_changes` is an append-only log: every change of every member is a new row
 * (a trigger refuses UPDATE and DELETE), so nobody overwrites another member's entry in place. Pushes of one team
 * hold a transaction-level advisory lock, so `seq` becomes visible in order and a pull cursor never skips a row.
 */
export const REMOTE_SCHEMA_VERSION = 1;

export const REMOTE_SCHEMA: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS kei_schema (id int PRIMARY KEY CHECK (id = 1), version int NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS kei_members (
    team text NOT NULL,
    member text NOT NULL,
    joined_at timestamptz NOT NULL DEFAULT now(),
    left_at timestamptz,
    last_sync_at timestamptz,
    PRIMARY KEY (team, member)
  )`,
  `CREATE TABLE IF NOT EXISTS kei_changes (
    seq bigserial PRIMARY KEY,
    team text NOT NULL,
    change_id text NOT NULL UNIQUE,
    kind text NOT NULL CHECK (kind IN ('memory', 'skill', 'skill_stats')),
    entry_id text NOT NULL,
    project text NOT NULL DEFAULT '',
    scope text NOT NULL DEFAULT '',
    member text NOT NULL,
    hlc text NOT NULL,
    base_hlc text NOT NULL DEFAULT '',
    deleted boolean NOT NULL DEFAULT false,
    content text,
    tags text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX IF NOT EXISTS kei_changes_pull ON kei_changes (team, seq)`,
  `CREATE OR REPLACE FUNCTION kei_changes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN RAISE EXCEPTION 'kei_changes is append-only: a change is a new version'; END $$`,
  `DROP TRIGGER IF EXISTS kei_changes_append_only ON kei_changes`,
  `CREATE TRIGGER kei_changes_append_only BEFORE UPDATE OR DELETE ON kei_changes
   FOR EACH ROW EXECUTE FUNCTION kei_changes_append_only()`,
  `INSERT INTO kei_schema (id, version) VALUES (1, ${REMOTE_SCHEMA_VERSION})
   ON CONFLICT (id) DO UPDATE SET version = greatest(kei_schema.version, excluded.version)`,
];
