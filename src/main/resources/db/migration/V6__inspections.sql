-- Taizhang schema, version 6: 督查检查 and the 挂号反馈、整改销号 ledger (docs/decisions/0013).
-- Every table travels between devices with the sync columns of V2 (docs/decisions/0006). A finding's life cycle
-- is not a stored status: it is the timeline of its steps (finding_step, written once and never changed), so steps
-- made on two devices merge as a union and the state is derived from them in causal order. Dates are ISO text.
-- travels: inspection, inspection_team, inspection_unit, visit, finding_category, finding, rectification_measure
-- travels: finding_step, inspection_evidence

-- 督查: a round of inspection (年中大督查, 党建体检, 巡学旁听, 体验式查访, 专项检查 …)
CREATE TABLE inspection (
  id         TEXT PRIMARY KEY NOT NULL,
  title      TEXT NOT NULL,
  kind       TEXT NOT NULL,
  year       INTEGER NOT NULL,
  starts_on  TEXT,
  ends_on    TEXT,
  notes      TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  clock      TEXT NOT NULL DEFAULT '',
  seen       TEXT NOT NULL DEFAULT ''
);

-- 检查组: a team of a round, its leader and members (names, 、-separated as clerks write them)
CREATE TABLE inspection_team (
  id            TEXT PRIMARY KEY NOT NULL,
  inspection_id TEXT NOT NULL REFERENCES inspection (id),
  name          TEXT NOT NULL,
  leader        TEXT,
  members       TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  clock      TEXT NOT NULL DEFAULT '',
  seen       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX inspection_team_inspection ON inspection_team (inspection_id);

-- a unit in a round's scope (id from round + unit: the same unit added on two devices is one record)
CREATE TABLE inspection_unit (
  id            TEXT PRIMARY KEY NOT NULL,
  inspection_id TEXT NOT NULL REFERENCES inspection (id),
  unit_id       TEXT NOT NULL REFERENCES unit (id),
  team_id       TEXT REFERENCES inspection_team (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  clock      TEXT NOT NULL DEFAULT '',
  seen       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX inspection_unit_inspection ON inspection_unit (inspection_id);

-- 走访: one team's visit to one unit; methods are codes (ASK 问实情, SEE 看实地, TEST 考实效), comma-separated
CREATE TABLE visit (
  id            TEXT PRIMARY KEY NOT NULL,
  inspection_id TEXT NOT NULL REFERENCES inspection (id),
  team_id       TEXT REFERENCES inspection_team (id),
  unit_id       TEXT NOT NULL REFERENCES unit (id),
  visited_on    TEXT NOT NULL,
  methods       TEXT NOT NULL DEFAULT '',
  notes         TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  clock      TEXT NOT NULL DEFAULT '',
  seen       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX visit_inspection ON visit (inspection_id, unit_id);

-- 问题类别: the dictionary the clerk keeps (主体责任, 三会一课 …); id from the name
CREATE TABLE finding_category (
  id         TEXT PRIMARY KEY NOT NULL,
  name       TEXT NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  clock      TEXT NOT NULL DEFAULT '',
  seen       TEXT NOT NULL DEFAULT ''
);

-- 问题: what was found. The register number is given once, on the hub (number_year + number_seq, shown as
-- number in the format of the day); repeat_of and merged_into name other findings (no foreign key: a finding
-- arriving before the one it names must still apply)
CREATE TABLE finding (
  id                 TEXT PRIMARY KEY NOT NULL,
  inspection_id      TEXT REFERENCES inspection (id),
  visit_id           TEXT REFERENCES visit (id),
  unit_id            TEXT NOT NULL REFERENCES unit (id),
  organization_id    TEXT REFERENCES organization (id),
  category           TEXT,
  description        TEXT NOT NULL,
  basis              TEXT,
  severity           TEXT NOT NULL DEFAULT 'ORDINARY' CHECK (severity IN ('ORDINARY', 'SERIOUS', 'GRAVE')),
  rectification_type TEXT NOT NULL DEFAULT 'DEADLINE' CHECK (rectification_type IN ('IMMEDIATE', 'DEADLINE', 'LONG_TERM')),
  source             TEXT NOT NULL CHECK (source IN ('VISIT', 'ASSESSMENT', 'REPORT', 'SELF_CHECK', 'ASSIGNED', 'OTHER')),
  source_ref         TEXT,
  found_on           TEXT NOT NULL,
  found_by           TEXT,
  repeat_of          TEXT,
  merged_into        TEXT,
  number             TEXT,
  number_year        INTEGER,
  number_seq         INTEGER,
  import_batch       TEXT,
  internal_notes     TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  clock      TEXT NOT NULL DEFAULT '',
  seen       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX finding_unit ON finding (unit_id);
CREATE INDEX finding_number ON finding (number_year, number_seq);
CREATE INDEX finding_import ON finding (import_batch);

-- 整改措施: one measure of a finding, with its owner and deadline; done when done_on is set
CREATE TABLE rectification_measure (
  id         TEXT PRIMARY KEY NOT NULL,
  finding_id TEXT NOT NULL REFERENCES finding (id),
  text       TEXT NOT NULL,
  owner      TEXT,
  deadline   TEXT,
  done_on    TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  clock      TEXT NOT NULL DEFAULT '',
  seen       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rectification_measure_finding ON rectification_measure (finding_id);

-- one step of a finding's life (挂号, 交办, 签收, 进展, 申请销号, 销号, 退回, 延期, 督办 …): who, when, what.
-- Written once, never changed; the columns a kind does not use stay empty
CREATE TABLE finding_step (
  id          TEXT PRIMARY KEY NOT NULL,
  finding_id  TEXT NOT NULL REFERENCES finding (id),
  kind        TEXT NOT NULL,
  occurred_on TEXT NOT NULL,
  operator    TEXT NOT NULL,
  text        TEXT,
  deadline    TEXT,
  leader      TEXT,
  department  TEXT,
  person      TEXT,
  approver    TEXT,
  verdict     TEXT,
  escalation  TEXT,
  measure_id  TEXT,
  other_id    TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  clock      TEXT NOT NULL DEFAULT '',
  seen       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX finding_step_finding ON finding_step (finding_id);

-- 佐证材料 and 照片: an attachment shown with a visit, a finding, or one step of a finding; removing it is a tombstone
CREATE TABLE inspection_evidence (
  id            TEXT PRIMARY KEY NOT NULL,
  visit_id      TEXT REFERENCES visit (id),
  finding_id    TEXT REFERENCES finding (id),
  step_id       TEXT REFERENCES finding_step (id),
  attachment_id TEXT NOT NULL REFERENCES attachment (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  clock      TEXT NOT NULL DEFAULT '',
  seen       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX inspection_evidence_finding ON inspection_evidence (finding_id);
CREATE INDEX inspection_evidence_visit ON inspection_evidence (visit_id);
