import type { Dialect } from './sql'

export interface Migration {
  version: number
  name: string
  sql: string
}

/**
 * Versioned schema migrations, applied in order, each exactly once, written once for both databases in their
 * common DDL: TEXT for times (ISO 8601 UTC strings, which sort in time order), INTEGER 0/1 for flags, JSON as TEXT.
 * `migrationsFor` spells the two things the dialects write differently.
 */
const MIGRATIONS: Migration[] = [
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
  {
    version: 2,
    name: 'activities and registrations',
    sql: `
      CREATE TABLE activities (
        id INTEGER PRIMARY KEY,
        category TEXT NOT NULL,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        organizer_department TEXT NOT NULL,
        location TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        registration_opens_at TEXT NOT NULL,
        registration_closes_at TEXT NOT NULL,
        cancel_cutoff_at TEXT NOT NULL,
        checkin_opens_at TEXT NOT NULL,
        checkin_closes_at TEXT NOT NULL,
        capacity INTEGER,
        waitlist_enabled INTEGER NOT NULL,
        eligible_departments_json TEXT NOT NULL DEFAULT '[]',
        options_json TEXT NOT NULL DEFAULT '[]',
        max_options INTEGER NOT NULL DEFAULT 1,
        form_fields_json TEXT NOT NULL DEFAULT '[]',
        volunteer_hours REAL NOT NULL DEFAULT 0,
        created_by INTEGER REFERENCES employees (id),
        cancelled_at TEXT,
        cancel_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX activities_starts_at ON activities (starts_at);
      CREATE TABLE activity_plan_items (
        activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
        plan_item_id INTEGER NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
        PRIMARY KEY (activity_id, plan_item_id)
      );
      CREATE INDEX activity_plan_items_item ON activity_plan_items (plan_item_id);
      CREATE TABLE registrations (
        id INTEGER PRIMARY KEY,
        activity_id INTEGER NOT NULL REFERENCES activities (id),
        employee_id INTEGER NOT NULL REFERENCES employees (id),
        status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
        options_json TEXT NOT NULL DEFAULT '[]',
        form_json TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        cancelled_at TEXT,
        checked_in_at TEXT
      );
      -- One live registration per person and activity; cancelled ones stay as history.
      CREATE UNIQUE INDEX registrations_one_live ON registrations (activity_id, employee_id) WHERE status <> 'cancelled';
      CREATE INDEX registrations_activity_status ON registrations (activity_id, status, id);
      CREATE INDEX registrations_employee ON registrations (employee_id);
      CREATE TABLE registration_events (
        id INTEGER PRIMARY KEY,
        registration_id INTEGER NOT NULL REFERENCES registrations (id),
        type TEXT NOT NULL,
        actor_id INTEGER REFERENCES employees (id),
        detail TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX registration_events_registration ON registration_events (registration_id);
    `,
  },
  {
    version: 3,
    name: 'audit log and inbox',
    sql: `
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        actor_id INTEGER REFERENCES employees (id),
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE TABLE inbox_messages (
        id INTEGER PRIMARY KEY,
        employee_id INTEGER NOT NULL REFERENCES employees (id),
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        activity_id INTEGER REFERENCES activities (id),
        dedupe_key TEXT,
        created_at TEXT NOT NULL,
        read_at TEXT
      );
      CREATE INDEX inbox_messages_employee ON inbox_messages (employee_id, id);
      CREATE UNIQUE INDEX inbox_messages_dedupe ON inbox_messages (employee_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
    `,
  },
  {
    version: 4,
    name: 'good people rounds, books and reading notes',
    sql: `
      CREATE TABLE rounds (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        plan_item_id INTEGER REFERENCES plan_items (id),
        nominate_opens_at TEXT NOT NULL,
        nominate_closes_at TEXT NOT NULL,
        vote_opens_at TEXT NOT NULL,
        vote_closes_at TEXT NOT NULL,
        published_at TEXT,
        votes_per_day INTEGER NOT NULL DEFAULT 3,
        votes_per_candidate_per_day INTEGER NOT NULL DEFAULT 1,
        show_tallies INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE TABLE candidates (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES rounds (id),
        nominee_employee_id INTEGER REFERENCES employees (id),
        nominee_name TEXT NOT NULL,
        nominee_unit TEXT NOT NULL,
        category TEXT NOT NULL,
        deed TEXT NOT NULL,
        nominator_id INTEGER NOT NULL REFERENCES employees (id),
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
        review_reason TEXT,
        reviewed_by INTEGER REFERENCES employees (id),
        created_at TEXT NOT NULL
      );
      CREATE INDEX candidates_round ON candidates (round_id, status);
      CREATE TABLE candidate_seconds (
        candidate_id INTEGER NOT NULL REFERENCES candidates (id),
        employee_id INTEGER NOT NULL REFERENCES employees (id),
        at TEXT NOT NULL,
        PRIMARY KEY (candidate_id, employee_id)
      );
      CREATE TABLE candidate_comments (
        id INTEGER PRIMARY KEY,
        candidate_id INTEGER NOT NULL REFERENCES candidates (id),
        author_id INTEGER NOT NULL REFERENCES employees (id),
        text TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX candidate_comments_candidate ON candidate_comments (candidate_id, id);
      CREATE TABLE votes (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES rounds (id),
        candidate_id INTEGER NOT NULL REFERENCES candidates (id),
        voter_id INTEGER NOT NULL REFERENCES employees (id),
        day TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX votes_voter_day ON votes (round_id, voter_id, day);
      CREATE INDEX votes_candidate ON votes (candidate_id);
      CREATE TABLE books (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        author TEXT NOT NULL,
        norm_key TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE TABLE book_recommendations (
        book_id INTEGER NOT NULL REFERENCES books (id),
        employee_id INTEGER NOT NULL REFERENCES employees (id),
        reason TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (book_id, employee_id)
      );
      CREATE TABLE reading_notes (
        id INTEGER PRIMARY KEY,
        author_id INTEGER NOT NULL REFERENCES employees (id),
        book_title TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
        review_reason TEXT,
        created_at TEXT NOT NULL,
        reviewed_at TEXT
      );
      CREATE TABLE note_likes (
        note_id INTEGER NOT NULL REFERENCES reading_notes (id),
        employee_id INTEGER NOT NULL REFERENCES employees (id),
        at TEXT NOT NULL,
        PRIMARY KEY (note_id, employee_id)
      );
    `,
  },
  {
    version: 5,
    name: 'idempotency keys of writes',
    sql: `
      -- The answer to a write, kept under the key its client sent, so that a retry gets it again instead of
      -- writing twice. Scoped to who sent it; kept a day.
      CREATE TABLE idempotency_keys (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        action TEXT NOT NULL,
        payload_hash TEXT NOT NULL,
        response_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (scope, key)
      );
    `,
  },
]

/** The migrations in a dialect's spelling: PostgreSQL wants identity columns and DOUBLE PRECISION. */
export function migrationsFor(dialect: Dialect): Migration[] {
  if (dialect === 'sqlite') return MIGRATIONS
  return MIGRATIONS.map((m) => ({
    ...m,
    sql: m.sql
      .replace(/\bid INTEGER PRIMARY KEY\b/g, 'id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY')
      .replace(/\bREAL\b/g, 'DOUBLE PRECISION'),
  }))
}
