-- Taizhang schema, version 11: 操作员, who works on this installation and what each may do (issue 22,
-- decisions/0018). Operators do not travel: each computer has its own people, and a password's hash never leaves
-- the PC on a stick. History and timelines name the operator by name, as they always have.
-- local: operator

CREATE TABLE operator (
  id         TEXT PRIMARY KEY NOT NULL,
  name       TEXT NOT NULL,
  -- admin 管理员 (operators, settings, restores), clerk 经办人 (the work), reader 只读 (sees, exports, prints)
  role       TEXT NOT NULL CHECK (role IN ('admin', 'clerk', 'reader')),
  -- 核查人: may 销号, 退回 and call for 二次整改
  verifier   INTEGER NOT NULL DEFAULT 0 CHECK (verifier IN (0, 1)),
  -- "pbkdf2-sha256$iterations$salt$hash" (salt and hash in Base64); NULL: no password
  password   TEXT,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX operator_name ON operator (name);
