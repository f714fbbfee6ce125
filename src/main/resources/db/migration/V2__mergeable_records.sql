-- Taizhang schema, version 2: records that two devices can merge field by field (docs/decisions/0006).
--
-- Travelling tables (their rows go between devices on the USB package): attachment, unit, community,
-- organization, and history (append-only, merged as a union). Every travelling table except history has the
-- sync columns:
--   id          UUID (TEXT): random, or derived from a natural key for shared reference data
--   created_at  ISO-8601 UTC instant of the first creation seen (the earliest wins on merge)
--   updated_at  wall-clock instant of the newest change (shown, never compared)
--   updated_by  device id of the newest change
--   revision    logical (Lamport) counter of the newest change: with updated_by it names that change
--   deleted     0/1 tombstone, itself a merged field: rows are never removed, so a deletion travels too
--   clock       which change wrote each field ("[!]dots|field=dots;…"; ! = has rows in field_conflict)
--   seen        every change the record has seen, per device ("counter:device,…")
-- A new travelling table copies these columns and joins the convergence test (ConvergencePropertyTest), and
-- every migration that creates a table says on a line of its own whether it travels (SchemaTest reads these):
-- travels: attachment, unit, community, organization
-- travels as a union of entries: history
-- travels with its record: field_conflict
-- local: device, local_setting

ALTER TABLE attachment ADD COLUMN clock TEXT NOT NULL DEFAULT '';
ALTER TABLE attachment ADD COLUMN seen TEXT NOT NULL DEFAULT '';
ALTER TABLE unit ADD COLUMN clock TEXT NOT NULL DEFAULT '';
ALTER TABLE unit ADD COLUMN seen TEXT NOT NULL DEFAULT '';
ALTER TABLE community ADD COLUMN clock TEXT NOT NULL DEFAULT '';
ALTER TABLE community ADD COLUMN seen TEXT NOT NULL DEFAULT '';
ALTER TABLE organization ADD COLUMN clock TEXT NOT NULL DEFAULT '';
ALTER TABLE organization ADD COLUMN seen TEXT NOT NULL DEFAULT '';

-- Before version 2 nothing travelled, so a row's last change stands for all its fields: revision counted the
-- row's changes on this one device, which makes (revision, updated_by) a change no other row-change reuses.
UPDATE attachment SET clock = revision || ':' || updated_by || '|', seen = revision || ':' || updated_by;
UPDATE unit SET clock = revision || ':' || updated_by || '|', seen = revision || ':' || updated_by;
UPDATE community SET clock = revision || ':' || updated_by || '|', seen = revision || ':' || updated_by;
UPDATE organization SET clock = revision || ':' || updated_by || '|', seen = revision || ':' || updated_by;

-- A history entry is named by the change that made it: revision = its counter, updated_by = its device.
-- Entries sort by (revision, updated_by) on every device, so histories from several devices are one list.
UPDATE history SET revision = (
  SELECT n FROM (SELECT h.id AS hid, ROW_NUMBER() OVER (PARTITION BY h.entity, h.entity_id
                                                        ORDER BY h.created_at, h.rowid) AS n
                 FROM history h) WHERE hid = history.id);
DROP INDEX history_entity;
CREATE INDEX history_entity ON history (entity, entity_id, revision, updated_by);

-- Versions of a field that lost to another device's concurrent change: kept for a clerk to decide, and part
-- of the record's state (they travel with it). value is the lost value as text (NULL: the field was empty).
CREATE TABLE field_conflict (
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  field     TEXT NOT NULL,
  dots      TEXT NOT NULL,
  value     TEXT,
  PRIMARY KEY (entity, entity_id, field, dots)
);

-- The device's logical clock continues above every change already stored.
INSERT OR REPLACE INTO local_setting (key, value) SELECT 'clock.counter', MAX(n) FROM (
  SELECT COALESCE(MAX(revision), 0) AS n FROM attachment UNION ALL
  SELECT COALESCE(MAX(revision), 0) FROM unit UNION ALL
  SELECT COALESCE(MAX(revision), 0) FROM community UNION ALL
  SELECT COALESCE(MAX(revision), 0) FROM organization UNION ALL
  SELECT COALESCE(MAX(revision), 0) FROM history);
