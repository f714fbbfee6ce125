-- Taizhang schema, version 1: devices, history (留痕), attachments and the organization registry.
--
-- Every table whose rows travel between devices on the USB package carries the same sync columns:
--   id          random UUID (TEXT), never an autoincrement, so two devices never collide
--   created_at  ISO-8601 UTC instant of creation
--   updated_at  ISO-8601 UTC instant of the last change
--   updated_by  device id that made the last change
--   revision    1 on creation, +1 on every change (the exchange compares it)
--   deleted     0/1 tombstone: rows are never removed, so a deletion can travel too
-- Times are TEXT in a fixed-width format so that string order is time order.

CREATE TABLE device (
  id         TEXT PRIMARY KEY NOT NULL,
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- settings of this installation only (its own device id, first-run state); never exported
CREATE TABLE local_setting (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT
);

-- 留痕: one row per change of any travelling record; immutable once written
CREATE TABLE history (
  id         TEXT PRIMARY KEY NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
  changes    TEXT NOT NULL,
  user_name  TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX history_entity ON history (entity, entity_id, created_at);

-- photos and documents; the key is the SHA-256 of the stored bytes (content addressed, so the same
-- photo added on two devices is one record); the file itself lives in the attachment folder
CREATE TABLE attachment (
  id                 TEXT PRIMARY KEY NOT NULL,
  media_type         TEXT NOT NULL,
  file_name          TEXT NOT NULL,
  byte_size          INTEGER NOT NULL,
  width              INTEGER,
  height             INTEGER,
  original_sha256    TEXT NOT NULL,
  original_byte_size INTEGER NOT NULL,
  original_width     INTEGER,
  original_height    INTEGER,
  original_metadata  TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);

-- 单位
CREATE TABLE unit (
  id             TEXT PRIMARY KEY NOT NULL,
  name           TEXT NOT NULL,
  short_name     TEXT,
  contact_person TEXT,
  contact_phone  TEXT,
  remark         TEXT,
  sort_order     INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);

-- 共同体: a group of organizations with a lead unit (牵头单位) and a liaison 工委委员 (联系点)
CREATE TABLE community (
  id           TEXT PRIMARY KEY NOT NULL,
  name         TEXT NOT NULL,
  lead_unit_id TEXT REFERENCES unit (id),
  liaison      TEXT,
  remark       TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);

-- 党组织: 机关党委 / 党总支 / 党支部 / 联合支部 as a tree inside a unit
CREATE TABLE organization (
  id               TEXT PRIMARY KEY NOT NULL,
  unit_id          TEXT NOT NULL REFERENCES unit (id),
  parent_id        TEXT REFERENCES organization (id),
  name             TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('PARTY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'JOINT_BRANCH')),
  secretary        TEXT,
  full_time_deputy TEXT,
  member_count     INTEGER CHECK (member_count IS NULL OR member_count >= 0),
  has_committee    INTEGER NOT NULL DEFAULT 0 CHECK (has_committee IN (0, 1)),
  term_start       TEXT,
  term_end         TEXT,
  community_id     TEXT REFERENCES community (id),
  contact_person   TEXT,
  contact_phone    TEXT,
  remark           TEXT,
  sort_order       INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);
CREATE INDEX organization_unit ON organization (unit_id);
CREATE INDEX organization_parent ON organization (parent_id);
