-- Taizhang schema, version 5: 标准化建设 — ratings the committee decides: 直接定级 and the share a rating may have.
-- Both tables travel between devices, with the sync columns of V2 (docs/decisions/0006); ids come from natural
-- keys (branch + year; year + rating), so the same decision taken on two devices is one record.
-- travels: direct_rating, rating_quota

-- 直接定级: a branch's rating for a year set by the committee with the reason (e.g. 区级以上先进), over the computed one
CREATE TABLE direct_rating (
  id              TEXT PRIMARY KEY NOT NULL,
  organization_id TEXT NOT NULL REFERENCES organization (id),
  year            INTEGER NOT NULL,
  rating          TEXT NOT NULL,
  reason          TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  clock      TEXT NOT NULL DEFAULT '',
  seen       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX direct_rating_year ON direct_rating (year, organization_id);

-- 等级比例: at most this percent of the year's branches may hold the rating (e.g. 五星 ≤ 10%), checked on the board
CREATE TABLE rating_quota (
  id         TEXT PRIMARY KEY NOT NULL,
  year       INTEGER NOT NULL,
  rating     TEXT NOT NULL,
  max_share  DECIMAL(5, 2) NOT NULL CHECK (max_share >= 0 AND max_share <= 100),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  revision   INTEGER NOT NULL DEFAULT 1,
  deleted    INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  clock      TEXT NOT NULL DEFAULT '',
  seen       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rating_quota_year ON rating_quota (year);
