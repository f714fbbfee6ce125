-- Taizhang schema, version 8: which device is the hub (汇总机), as a record that travels (docs/decisions/0006).
-- The hub alone gives 挂号 numbers. The designation names a device id, not a file: a copy of the hub's database gets
-- a new device id at open (DeviceFile) and so stops numbering; a hub restored after a disk failure is confirmed
-- once by a person, and the designation moves to its new id like any other change, which reaches the laptops.
-- One row, id 'hub'. device_id NULL: no hub designated (a new database is a field device until a person says so).
-- travels: hub_designation

CREATE TABLE hub_designation (
  id          TEXT PRIMARY KEY NOT NULL,
  device_id   TEXT,
  device_name TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  clock      TEXT NOT NULL DEFAULT '',
  seen       TEXT NOT NULL DEFAULT ''
);

-- Before version 8 every database numbered unless its 设置 said 外业机 (nothing travelled yet): such a database
-- stays the hub, designated by one change of its own device, named by its clock's next counter.
INSERT INTO hub_designation (id, device_id, device_name, created_at, updated_at, updated_by, revision, deleted,
                             clock, seen)
SELECT 'hub', d.value, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), d.value,
       c.n, 0, c.n || ':' || d.value || '|#' || c.n || ':' || d.value, c.n || ':' || d.value
FROM local_setting d,
     (SELECT COALESCE((SELECT CAST(value AS INTEGER) FROM local_setting WHERE key = 'clock.counter'), 0) + 1 AS n) c
WHERE d.key = 'device.id'
  AND NOT EXISTS (SELECT 1 FROM local_setting WHERE key = 'device.role' AND value = 'field');

INSERT INTO history (id, entity, entity_id, action, changes, user_name, created_at, updated_at, updated_by, revision,
                     deleted)
SELECT h.revision || ':' || h.device_id, 'hub_designation', 'hub', 'create',
       '{"device_id":[null,"' || h.device_id || '"]}', NULL, h.created_at, h.created_at, h.device_id, h.revision, 0
FROM hub_designation h;

INSERT OR REPLACE INTO local_setting (key, value)
SELECT 'clock.counter', revision FROM hub_designation;
