/**
 * A counter that every change to the memories moves (insert, delete, new content or tags), kept by
 * triggers so that writes from any process count. Search caches word statistics against it.
 */
export const memoryVersionSql = `
CREATE TABLE memory_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO memory_version (id, version) VALUES (1, 0);
CREATE TRIGGER memories_version_ai AFTER INSERT ON memories BEGIN
  UPDATE memory_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER memories_version_ad AFTER DELETE ON memories BEGIN
  UPDATE memory_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER memories_version_au AFTER UPDATE OF rid, content, tags ON memories BEGIN
  UPDATE memory_version SET version = version + 1 WHERE id = 1;
END;
`;
