-- Taizhang schema, version 9: what a merge joined that breaks a rule across records (docs/decisions/0006).
-- Two changes can each be valid and together break a rule: two 党总支 moved under each other, an organization
-- added on a laptop under a unit deleted on the hub, two findings with one number. The merge never refuses them
-- and never hides them: after every apply the whole database is checked and each breach is listed here for a
-- clerk, like a conflict, until a change mends it. Computed from the records, so every device that holds the
-- same records lists the same breaches; nothing here travels.
-- local: merge_breach

CREATE TABLE merge_breach (
  kind      TEXT NOT NULL,  -- CYCLE, DELETED_PARENT, DANGLING, DUPLICATE_NUMBER, DUPLICATE_NAME, TWO_HUBS
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  detail    TEXT NOT NULL,  -- the column and the other record(s) involved
  found_at  TEXT NOT NULL,
  PRIMARY KEY (kind, entity, entity_id, detail)
);
