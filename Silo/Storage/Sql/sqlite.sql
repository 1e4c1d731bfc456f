-- Dispatch: the SQLite schema behind Orleans' ADO.NET grain storage and reminder table (version 1) and the read models (version 2).
--
-- Written for Dispatch from the providers' contract: the query keys they look up in OrleansQuery, the
-- parameters they bind (by name, no prefix: Microsoft.Data.Sqlite matches them to @Name) and the result
-- columns they read by name. OrleansSchema.ApplyAsync runs this whole file in one transaction on every silo
-- start, so every statement is idempotent: tables and indexes are created only when missing, and the query
-- rows are upserted, which also refreshes their text when this file changes.
--
-- Query texts are SQL string literals here: they must not contain a single quote.
-- Instants are stored as TEXT in Microsoft.Data.Sqlite's DateTime format (UTC, "yyyy-MM-dd HH:mm:ss.FFFFFFF"),
-- which sorts in time order, so StartTime can be compared with a bound DateTime.

CREATE TABLE IF NOT EXISTS DispatchSchema
(
    Version   INTEGER NOT NULL PRIMARY KEY,
    AppliedAt TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

-- ---------------------------------------------------------------------------------------------------------
-- Grain state (AdoNetGrainStorage).
--
-- A grain's row is identified by ServiceId, the state name (GrainTypeString) and the grain key split the way
-- the provider splits it: GrainIdN0/GrainIdN1 (a GUID's two halves, or 0 and an integer key) plus
-- GrainIdExtensionString (a key extension, or the whole key of a string-keyed grain; NULL when there is none).
-- GrainIdHash and GrainTypeHash are the provider's 32-bit hashes of the key and of the state name: they lead
-- the index so that a lookup is narrow, and the full identity is always compared as well.
--
-- Version is the ETag. A write names the version it read (GrainStateVersion, NULL for a grain that never
-- read a row) and only succeeds against exactly that version; the query returns the new version as
-- NewGrainStateVersion, or no row at all when the version did not match (or, for NULL, when a row already
-- exists), which the provider turns into an InconsistentStateException.
-- ---------------------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            INTEGER NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdExtensionString TEXT    NULL,
    ServiceId              TEXT    NOT NULL,
    PayloadBinary          BLOB    NULL,
    ModifiedOn             TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    Version                INTEGER NOT NULL
);

-- One row per grain state. NULL and '' extensions are different keys ("1" and "1+" in Orleans), and a plain
-- unique index would let several NULL-extension rows in, hence the two expressions.
CREATE UNIQUE INDEX IF NOT EXISTS OrleansStorage_Identity ON OrleansStorage
(
    GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1,
    GrainIdExtensionString IS NULL, IFNULL(GrainIdExtensionString, '')
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, Version
  FROM OrleansStorage
 WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
   AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
   AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
   AND GrainIdExtensionString IS @GrainIdExtensionString;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Two statements, at most one of which touches a row: an update of the version the grain holds, or (for a
-- grain that holds none) the insert of version 1, which the unique index turns into nothing when a row exists.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
UPDATE OrleansStorage
   SET PayloadBinary = @PayloadBinary, Version = Version + 1, ModifiedOn = CURRENT_TIMESTAMP
 WHERE @GrainStateVersion IS NOT NULL
   AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
   AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
   AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
   AND GrainIdExtensionString IS @GrainIdExtensionString
   AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
INSERT INTO OrleansStorage
    (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId,
     PayloadBinary, ModifiedOn, Version)
SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId,
       @PayloadBinary, CURRENT_TIMESTAMP, 1
 WHERE @GrainStateVersion IS NULL
ON CONFLICT DO NOTHING
RETURNING Version AS NewGrainStateVersion;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Clearing keeps the row (so the version keeps counting) with a NULL payload; the provider reads that back
-- as "no record" with the row's version as ETag. The new version is the first column of the result.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE OrleansStorage
   SET PayloadBinary = NULL, Version = Version + 1, ModifiedOn = CURRENT_TIMESTAMP
 WHERE @GrainStateVersion IS NOT NULL
   AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
   AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
   AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
   AND GrainIdExtensionString IS @GrainIdExtensionString
   AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
INSERT INTO OrleansStorage
    (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId,
     PayloadBinary, ModifiedOn, Version)
SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId,
       NULL, CURRENT_TIMESTAMP, 1
 WHERE @GrainStateVersion IS NULL
ON CONFLICT DO NOTHING
RETURNING Version AS NewGrainStateVersion;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Used instead of ClearStorageKey when the provider is configured with DeleteStateOnClear. It must return a
-- value different from the grain's ETag on success: the deleted version plus one, or 0 when the grain held
-- no version and there was nothing to delete.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', '
DELETE FROM OrleansStorage
 WHERE @GrainStateVersion IS NOT NULL
   AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
   AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
   AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
   AND GrainIdExtensionString IS @GrainIdExtensionString
   AND Version = @GrainStateVersion
RETURNING Version + 1 AS NewGrainStateVersion;
SELECT 0 AS NewGrainStateVersion
 WHERE @GrainStateVersion IS NULL
   AND NOT EXISTS (SELECT 1 FROM OrleansStorage
                    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
                      AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
                      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
                      AND GrainIdExtensionString IS @GrainIdExtensionString);
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- ---------------------------------------------------------------------------------------------------------
-- Reminders (AdoNetReminderTable).
--
-- GrainId is GrainId.ToString() ("type/key"), parsed back with GrainId.Parse. GrainHash is the grain's
-- uniform hash cast to a signed 32-bit integer, as are BeginHash and EndHash: the provider picks
-- ReadRangeRows1Key for a range (BeginHash, EndHash] that does not wrap in signed order and ReadRangeRows2Key
-- for one that does (which includes BeginHash = EndHash, the whole ring). Period is in milliseconds.
-- Version is the ETag: every upsert bumps it, and a delete must name it.
-- ---------------------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    TEXT    NOT NULL,
    GrainId      TEXT    NOT NULL,
    ReminderName TEXT    NOT NULL,
    StartTime    TEXT    NOT NULL,
    Period       INTEGER NOT NULL,
    GrainHash    INTEGER NOT NULL,
    Version      INTEGER NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

CREATE INDEX IF NOT EXISTS OrleansRemindersTable_GrainHash ON OrleansRemindersTable (ServiceId, GrainHash);

-- For Dispatch's own due-reminder sweep (DueReminders): one reminder name, oldest start first.
CREATE INDEX IF NOT EXISTS OrleansRemindersTable_Due ON OrleansRemindersTable (ServiceId, ReminderName, StartTime);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpsertReminderRowKey', '
INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
   SET StartTime = excluded.StartTime,
       Period = excluded.Period,
       GrainHash = excluded.GrainHash,
       Version = OrleansRemindersTable.Version + 1
RETURNING Version;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowsKey', '
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId AND GrainId = @GrainId;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowKey', '
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows1Key', '
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows2Key', '
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- The provider reads one boolean column: whether the row (at that version) was deleted.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowKey', '
DELETE FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version;
SELECT changes() > 0 AS Deleted;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowsKey', '
DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO DispatchSchema (Version) VALUES (1) ON CONFLICT (Version) DO NOTHING;

-- ---------------------------------------------------------------------------------------------------------
-- Read models (schema version 2). The case grain is the one writer of a case's truth (its Orleans state); what
-- people list, filter, count and rank is kept here as rows, written in batches by the read-model projector
-- (ReadModels/SqlReadModelWriter) from the cases' outboxes. Every row carries the version of what wrote it and an
-- upsert only replaces an older one, so re-sent and reordered batches are harmless. Instants are BIGINT
-- nanoseconds since the Unix epoch (exact NodaTime round trips); local days are 'yyyy-MM-dd' (Asia/Shanghai).
-- ---------------------------------------------------------------------------------------------------------

-- One row per case: where it is handled now and the summary lists show.
CREATE TABLE IF NOT EXISTS case_view
(
    case_id        TEXT     NOT NULL PRIMARY KEY,
    version        INTEGER  NOT NULL,
    grid_id        TEXT     NOT NULL,
    township_id    TEXT     NOT NULL,
    county_id      TEXT     NOT NULL,
    center_id      TEXT     NOT NULL,
    level          TEXT     NOT NULL,
    category       TEXT     NOT NULL,
    tier           TEXT     NULL,
    risk           TEXT     NULL,
    state          TEXT     NOT NULL,
    is_open        INTEGER  NOT NULL,
    summary        TEXT     NOT NULL,
    created_ns     INTEGER   NOT NULL,
    due_ns         INTEGER   NULL,
    open_summonses INTEGER  NOT NULL,
    escalations    INTEGER  NOT NULL,
    leader         TEXT     NULL
);
CREATE INDEX IF NOT EXISTS case_view_center ON case_view (center_id, created_ns DESC, case_id DESC);
CREATE INDEX IF NOT EXISTS case_view_county ON case_view (county_id, created_ns DESC, case_id DESC);
CREATE INDEX IF NOT EXISTS case_view_created ON case_view (created_ns DESC, case_id DESC);
CREATE INDEX IF NOT EXISTS case_view_grid ON case_view (grid_id, created_ns DESC);
CREATE INDEX IF NOT EXISTS case_view_overdue ON case_view (due_ns) WHERE is_open = 1;
-- A center's or county's open cases, newest first, and their count, read only its open rows; the reports' attention
-- list (open cases of a county's townships, most escalations first, then earliest due) stops after the first 100.
CREATE INDEX IF NOT EXISTS case_view_center_open ON case_view (center_id, created_ns DESC, case_id DESC) WHERE is_open = 1;
CREATE INDEX IF NOT EXISTS case_view_county_open ON case_view (county_id, created_ns DESC, case_id DESC) WHERE is_open = 1;
CREATE INDEX IF NOT EXISTS case_view_township_attention ON case_view (township_id, escalations DESC, due_ns, case_id) WHERE is_open = 1;

-- One row per summons: a department's inbox.
CREATE TABLE IF NOT EXISTS summons_view
(
    summons_id       TEXT     NOT NULL PRIMARY KEY,
    version          INTEGER  NOT NULL,
    case_id          TEXT     NOT NULL,
    department_id    TEXT     NOT NULL,
    state            TEXT     NOT NULL,
    is_open          INTEGER  NOT NULL,
    risk             TEXT     NOT NULL,
    issued_ns        INTEGER   NOT NULL,
    ack_due_ns       INTEGER   NOT NULL,
    arrive_due_ns    INTEGER   NOT NULL,
    acked_ns         INTEGER   NULL,
    arrived_ns       INTEGER   NULL,
    escalation_level INTEGER  NOT NULL,
    escalated_to     TEXT     NULL,
    fed_back_ns      INTEGER   NULL,
    note             TEXT     NULL
);
CREATE INDEX IF NOT EXISTS summons_view_department ON summons_view (department_id, is_open, issued_ns DESC, summons_id);
CREATE INDEX IF NOT EXISTS summons_view_issued ON summons_view (issued_ns);
CREATE INDEX IF NOT EXISTS summons_view_acked ON summons_view (acked_ns);
CREATE INDEX IF NOT EXISTS summons_view_case ON summons_view (case_id);

-- One row per (scope, local day, case): the case's contribution to that township's or department's statistics
-- (see CaseStatsFacts). Counties and the city add up their townships. Durations are nanoseconds, comma-separated.
CREATE TABLE IF NOT EXISTS stats_fact
(
    scope             TEXT     NOT NULL,
    day               TEXT     NOT NULL,
    case_id           TEXT     NOT NULL,
    version           INTEGER  NOT NULL,
    accepted          INTEGER  NOT NULL,
    accepted_resolved INTEGER  NOT NULL,
    resolved          INTEGER  NOT NULL,
    closed            INTEGER  NOT NULL,
    summoned          INTEGER  NOT NULL,
    acked_on_time     INTEGER  NOT NULL,
    escalations       INTEGER  NOT NULL,
    follow_ups        INTEGER  NOT NULL,
    satisfaction_sum  INTEGER  NOT NULL,
    satisfied         INTEGER  NOT NULL,
    ack_ns            TEXT     NOT NULL,
    arrive_ns         TEXT     NOT NULL,
    PRIMARY KEY (scope, day, case_id)
);

INSERT INTO DispatchSchema (Version) VALUES (2) ON CONFLICT (Version) DO NOTHING;

-- ---------------------------------------------------------------------------------------------------------
-- Notifications (schema version 3). A case decides its notifications in the same write as the change (its outbox);
-- the notification queue stores one row per delivery (an event to one webhook endpoint, phone or mailbox), keyed by
-- event id and target so a re-sent event is stored once; the dispatcher claims due rows with a lease, delivers them,
-- retries with backoff and marks them delivered, failed or cancelled. A reminder series adds its next row when one
-- is delivered. notification_cancel keeps what stops a summons's reminders and notices (key 'ack' or 'arrive'), so a
-- row arriving after its cancellation is not stored.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS notification
(
    delivery_id     TEXT  NOT NULL PRIMARY KEY,
    event_id        TEXT  NOT NULL,
    series          TEXT  NULL,
    sequence        INTEGER  NOT NULL,
    type            TEXT     NOT NULL,
    case_id         TEXT  NOT NULL,
    summons_id      TEXT  NULL,
    county_id       TEXT  NULL,
    recipient       TEXT  NOT NULL,
    channel         TEXT     NOT NULL,
    target          TEXT  NOT NULL,
    data            TEXT     NOT NULL,
    text            TEXT     NOT NULL,
    state           TEXT     NOT NULL,
    occurred_ns     INTEGER   NOT NULL,
    created_ns      INTEGER   NOT NULL,
    next_ns         INTEGER   NOT NULL,
    attempts        INTEGER  NOT NULL,
    last_attempt_ns INTEGER   NULL,
    last_error      TEXT     NULL,
    delivered_ns    INTEGER   NULL,
    lease_ns        INTEGER   NULL,
    cancel_key      TEXT     NULL,
    repeat_ns       INTEGER   NULL
);
CREATE INDEX IF NOT EXISTS notification_due ON notification (next_ns) WHERE state = 'pending';
CREATE INDEX IF NOT EXISTS notification_summons ON notification (summons_id, cancel_key) WHERE state = 'pending';
CREATE INDEX IF NOT EXISTS notification_case ON notification (case_id, created_ns);
CREATE INDEX IF NOT EXISTS notification_recipient ON notification (recipient, created_ns);
CREATE INDEX IF NOT EXISTS notification_county ON notification (county_id, state);
CREATE INDEX IF NOT EXISTS notification_sent ON notification (target, delivered_ns);

CREATE TABLE IF NOT EXISTS notification_cancel
(
    summons_id TEXT NOT NULL,
    cancel_key TEXT NOT NULL,
    PRIMARY KEY (summons_id, cancel_key)
);

INSERT INTO DispatchSchema (Version) VALUES (3) ON CONFLICT (Version) DO NOTHING;

-- ---------------------------------------------------------------------------------------------------------
-- Schema version 4: the residents' loop. case_view.follow_up_due_ns (when the follow-up visit of a resolved case falls
-- due; NULL when none is pending) and stats_fact.reopened (reopenings). Columns added to existing tables are added by
-- OrleansSchema (ReadModelColumns) right after this script, in the same transaction: SQLite has no
-- ADD COLUMN IF NOT EXISTS.
-- ---------------------------------------------------------------------------------------------------------

INSERT INTO DispatchSchema (Version) VALUES (4) ON CONFLICT (Version) DO NOTHING;

-- ---------------------------------------------------------------------------------------------------------
-- Schema version 5: case attachments. Their content, content-addressed by case and SHA-256 (what is attached to a
-- case, by whom and when, is in the case's own state). With SQLite the content is in files instead: the folder
-- "attachments" beside the database file.
-- ---------------------------------------------------------------------------------------------------------

INSERT INTO DispatchSchema (Version) VALUES (5) ON CONFLICT (Version) DO NOTHING;
