-- Taizhang schema, version 10: 数据交换 between the hub and its field laptops (issue 17, decisions/0014).
-- Nothing here travels: each database keeps what it knows of the others, and tells them in its packages.
-- local: knowledge, exchange_peer, exchange_log, device_key

-- What this database holds of other devices' changes: for each device, the highest counter up to which it holds
-- every change of that device (its own changes are all here, up to its clock). Raised only in the transaction
-- that applied a package built against knowledge this database has (an export never counts as received), so it
-- never claims more than is here; a new or upgraded database starts knowing nothing and is sent everything once.
CREATE TABLE knowledge (
  device_id TEXT PRIMARY KEY NOT NULL,
  counter   INTEGER NOT NULL
);

-- The other devices this one exchanges with, as their packages describe them: what each said it holds (the
-- prerequisites of the next package to it), its public key (packages to it are encrypted to it), when it was
-- last heard from and what was last sent to it.
CREATE TABLE exchange_peer (
  device_id          TEXT PRIMARY KEY NOT NULL,
  name               TEXT,
  role               TEXT,          -- hub | field, as its last package said
  public_key         TEXT,          -- base64 X.509 X25519 key
  knowledge          TEXT NOT NULL DEFAULT '',  -- counter:device,… as its newest package said
  knowledge_clock    INTEGER NOT NULL DEFAULT 0, -- its own counter then: an older package arriving late says less
  heard_at           TEXT,          -- created-at of its newest package received
  received_at        TEXT,          -- when that package was imported here
  received_package   TEXT,
  sent_at            TEXT,
  sent_package       TEXT,
  sent_counter       INTEGER NOT NULL DEFAULT 0  -- this device's clock when it last exported to it
);

-- Every package written or read here: the history of packages sent and received, and the list that makes the same
-- package imported twice change nothing and say so.
CREATE TABLE exchange_log (
  package_id  TEXT NOT NULL,
  direction   TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  kind        TEXT NOT NULL,        -- changes | preparation | emergency
  peer_device TEXT,
  peer_name   TEXT,
  created_at  TEXT NOT NULL,        -- when the package was made
  logged_at   TEXT NOT NULL,
  file        TEXT,
  records     INTEGER NOT NULL DEFAULT 0,
  history     INTEGER NOT NULL DEFAULT 0,
  files       INTEGER NOT NULL DEFAULT 0,
  content_sha TEXT,                 -- SHA-256 of its changes: one id with other content is refused
  outcome     TEXT NOT NULL,        -- written | applied | nothing-new | rejected
  detail      TEXT,
  PRIMARY KEY (package_id, direction, logged_at)
);
CREATE INDEX exchange_log_time ON exchange_log (logged_at);

-- This database's key pair for packages encrypted to it (X25519): made at the first need, kept in the database so
-- that every backup holds it (a hub restored from a backup still reads the packages its laptops wrote).
CREATE TABLE device_key (
  fingerprint TEXT PRIMARY KEY NOT NULL,  -- SHA-256 of the public key, hex
  public_key  TEXT NOT NULL,              -- base64 X.509
  private_key TEXT NOT NULL,              -- base64 PKCS#8
  created_at  TEXT NOT NULL
);
