-- Taizhang schema, version 4: 标准化建设 — past years' results and the evidence of answers.
-- Both tables travel between devices, with the sync columns of V2 (docs/decisions/0006, 0010). Ids come from
-- natural keys: a result from branch + year + round (the same file imported on two laptops gives one record), an
-- evidence link from assessment + item key + attachment (the same photo attached twice is one link).
-- travels: assessment_result, answer_evidence

-- 往年结果: a result imported in bulk from a spreadsheet (one row per branch and round of a year), for the years
-- before the program; the board uses it when the branch has no 达标验收 assessment of that year
CREATE TABLE assessment_result (
  id              TEXT PRIMARY KEY NOT NULL,
  organization_id TEXT NOT NULL REFERENCES organization (id),
  year            INTEGER NOT NULL,
  round           TEXT NOT NULL CHECK (round IN ('SELF', 'REVIEW', 'ACCEPTANCE')),
  total_score     DECIMAL(6, 2),
  rating          TEXT,
  passed          INTEGER NOT NULL CHECK (passed IN (0, 1)),
  source_file     TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  clock      TEXT NOT NULL DEFAULT '',
  seen       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assessment_result_year ON assessment_result (year, organization_id);

-- 佐证材料: a photo or document (the content-addressed attachment) shown as evidence for one answer; removing it
-- is a tombstone, so the removal travels too
CREATE TABLE answer_evidence (
  id            TEXT PRIMARY KEY NOT NULL,
  assessment_id TEXT NOT NULL REFERENCES assessment (id),
  item_key      TEXT NOT NULL,
  attachment_id TEXT NOT NULL REFERENCES attachment (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  clock      TEXT NOT NULL DEFAULT '',
  seen       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX answer_evidence_assessment ON answer_evidence (assessment_id);
