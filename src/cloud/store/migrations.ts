/** Versioned schema migrations of the SQLite store; applied in order, each exactly once. */
export const SQLITE_MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'employees and plans',
    sql: `
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE employees (
        id INTEGER PRIMARY KEY,
        employee_no TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        department TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('employee', 'organizer', 'admin')),
        phone TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        openid TEXT UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX employees_department ON employees (department);
      CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        year INTEGER,
        org TEXT,
        preamble TEXT NOT NULL,
        source_text TEXT NOT NULL,
        removed_json TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
        is_current INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        published_at TEXT
      );
      CREATE UNIQUE INDEX plans_one_current ON plans (is_current) WHERE is_current = 1;
      CREATE TABLE plan_sections (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        source_number TEXT NOT NULL,
        title TEXT NOT NULL,
        intro TEXT NOT NULL DEFAULT '',
        UNIQUE (plan_id, position)
      );
      CREATE TABLE plan_items (
        id INTEGER PRIMARY KEY,
        section_id INTEGER NOT NULL REFERENCES plan_sections (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        number INTEGER NOT NULL,
        source_number TEXT NOT NULL,
        heading TEXT NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (section_id, position)
      );
    `,
  },
]
