-- Taizhang schema, version 3: 标准化建设 — checklist templates and assessments.
-- Every table here travels between devices, with the sync columns of V2 (docs/decisions/0006); ids of the
-- parts of a template and of assessments come from natural keys (template + item key; branch + template +
-- round + year), so two devices working on the same template or the same assessment merge into one record.
-- travels: checklist_template, checklist_category, checklist_item, checklist_band, assessment, assessment_answer
-- Points are DECIMAL (exact to the decimals the rules allow: one for scores, two for deductions).

-- 考核细则: a versioned standard; published ones never change (a change is the next version)
CREATE TABLE checklist_template (
  id             TEXT PRIMARY KEY NOT NULL,
  name           TEXT NOT NULL,
  version        INTEGER NOT NULL CHECK (version >= 1),
  year           INTEGER NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
  pass_score     DECIMAL(6, 2) NOT NULL,
  bonus_cap      DECIMAL(6, 2) NOT NULL DEFAULT 0,
  not_applicable TEXT NOT NULL CHECK (not_applicable IN ('RESCALE', 'FULL_MARKS')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  clock      TEXT NOT NULL DEFAULT '',
  seen       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE checklist_category (
  id          TEXT PRIMARY KEY NOT NULL,
  template_id TEXT NOT NULL REFERENCES checklist_template (id),
  key         TEXT NOT NULL,
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  points      DECIMAL(6, 2) NOT NULL,
  sort_order  INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  clock      TEXT NOT NULL DEFAULT '',
  seen       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX checklist_category_template ON checklist_category (template_id);

-- an item's key survives versions; methods, applies_to and replaces are comma-separated codes / keys
CREATE TABLE checklist_item (
  id                TEXT PRIMARY KEY NOT NULL,
  template_id       TEXT NOT NULL REFERENCES checklist_template (id),
  category_id       TEXT NOT NULL REFERENCES checklist_category (id),
  key               TEXT NOT NULL,
  number            TEXT NOT NULL,
  text              TEXT NOT NULL,
  max_points        DECIMAL(6, 2) NOT NULL,
  mode              TEXT NOT NULL CHECK (mode IN ('YES_NO', 'GRADED', 'DEDUCTION')),
  deduction         DECIMAL(6, 2),
  floor             DECIMAL(6, 2),
  evidence_required INTEGER NOT NULL DEFAULT 0 CHECK (evidence_required IN (0, 1)),
  methods           TEXT NOT NULL DEFAULT '',
  veto              INTEGER NOT NULL DEFAULT 0 CHECK (veto IN (0, 1)),
  bonus             INTEGER NOT NULL DEFAULT 0 CHECK (bonus IN (0, 1)),
  applies_to        TEXT NOT NULL DEFAULT '',
  replaces          TEXT NOT NULL DEFAULT '',
  sort_order        INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  clock      TEXT NOT NULL DEFAULT '',
  seen       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX checklist_item_template ON checklist_item (template_id);

-- 等级: a rating from min_score up
CREATE TABLE checklist_band (
  id               TEXT PRIMARY KEY NOT NULL,
  template_id      TEXT NOT NULL REFERENCES checklist_template (id),
  name             TEXT NOT NULL,
  min_score        DECIMAL(6, 2) NOT NULL,
  needs_innovation INTEGER NOT NULL DEFAULT 0 CHECK (needs_innovation IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  clock      TEXT NOT NULL DEFAULT '',
  seen       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX checklist_band_template ON checklist_band (template_id);

-- 评估: one branch × one template × one round in a year
CREATE TABLE assessment (
  id              TEXT PRIMARY KEY NOT NULL,
  organization_id TEXT NOT NULL REFERENCES organization (id),
  template_id     TEXT NOT NULL REFERENCES checklist_template (id),
  round           TEXT NOT NULL CHECK (round IN ('SELF', 'REVIEW', 'ACCEPTANCE')),
  year            INTEGER NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('SCORING', 'PUBLICITY', 'FINISHED')),
  publicity_start TEXT,
  publicity_end   TEXT,
  reopen_reason   TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  clock      TEXT NOT NULL DEFAULT '',
  seen       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assessment_organization ON assessment (organization_id, year);

-- one row per answered item, so that two inspectors scoring different items of one assessment both keep theirs
CREATE TABLE assessment_answer (
  id                    TEXT PRIMARY KEY NOT NULL,
  assessment_id         TEXT NOT NULL REFERENCES assessment (id),
  item_key              TEXT NOT NULL,
  met                   INTEGER CHECK (met IS NULL OR met IN (0, 1)),
  score                 DECIMAL(6, 2),
  occurrences           INTEGER CHECK (occurrences IS NULL OR occurrences >= 0),
  not_applicable        INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1)),
  not_applicable_reason TEXT,
  note                  TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  clock      TEXT NOT NULL DEFAULT '',
  seen       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assessment_answer_assessment ON assessment_answer (assessment_id);
