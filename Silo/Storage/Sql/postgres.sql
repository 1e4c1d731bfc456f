-- Dispatch: the PostgreSQL schema behind Orleans' ADO.NET grain storage, reminder table and clustering
-- (membership) table (schema version 1), and the read models (schema version 2).
--
-- Written for Dispatch from the providers' contract: the query keys they look up in OrleansQuery, the
-- parameters they bind (by name: Npgsql matches them to @Name) and the result columns they read by name.
-- Identifiers are unquoted, so PostgreSQL folds them to lower case; the providers' own
-- "SELECT QueryKey, QueryText FROM OrleansQuery" folds the same way, and Npgsql finds result columns by
-- name whatever their case.
--
-- OrleansSchema.ApplyAsync runs this whole file in one transaction, under an advisory lock, on every silo
-- start, so every statement is idempotent: tables and indexes are created only when missing, and the query
-- rows are upserted, which also refreshes their text when this file changes. Query texts are dollar-quoted.
-- Instants are timestamptz: the providers bind UTC DateTime values.

CREATE TABLE IF NOT EXISTS DispatchSchema
(
    Version   integer     NOT NULL PRIMARY KEY,
    AppliedAt timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- ---------------------------------------------------------------------------------------------------------
-- Grain state (AdoNetGrainStorage).
--
-- A row is identified by ServiceId, the state name (GrainTypeString) and the grain key split the way the
-- provider splits it: GrainIdN0/GrainIdN1 (the two halves of a GUID, or 0 and an integer key) plus
-- GrainIdExtensionString (a key extension, or the whole key of a string-keyed grain; NULL when there is none).
-- GrainIdHash and GrainTypeHash are the 32-bit hashes the provider computes of the key and of the state
-- name: they lead the index so that a lookup is narrow, and the full identity is always compared as well.
--
-- Version is the ETag. A write names the version it read (GrainStateVersion, NULL for a grain that never
-- read a row) and only succeeds against exactly that version; the query returns the new version as
-- NewGrainStateVersion, or no row at all when the version did not match (or, for NULL, when a row already
-- exists), which the provider turns into an InconsistentStateException.
-- ---------------------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer     NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdExtensionString text        NULL,
    ServiceId              text        NOT NULL,
    PayloadBinary          bytea       NULL,
    ModifiedOn             timestamptz NOT NULL DEFAULT now(),
    Version                integer     NOT NULL
);

-- One row per grain state. NULL and empty extensions are different keys ("1" and "1+" in Orleans), and a
-- plain unique index would let several NULL-extension rows in (before PostgreSQL 15), hence the expressions.
CREATE UNIQUE INDEX IF NOT EXISTS OrleansStorage_Identity ON OrleansStorage
(
    GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1,
    (GrainIdExtensionString IS NULL), COALESCE(GrainIdExtensionString, '')
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $query$
SELECT PayloadBinary, Version
  FROM OrleansStorage
 WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
   AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
   AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
   AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- At most one of the two branches touches a row: an update of the version the grain holds, or (for a grain
-- that holds none) the insert of version 1, which the unique index turns into nothing when a row exists.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $query$
WITH updated AS
(
    UPDATE OrleansStorage
       SET PayloadBinary = @PayloadBinary, Version = Version + 1, ModifiedOn = now()
     WHERE @GrainStateVersion IS NOT NULL
       AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
       AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
       AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
       AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
       AND Version = @GrainStateVersion
    RETURNING Version
),
inserted AS
(
    INSERT INTO OrleansStorage
        (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId,
         PayloadBinary, ModifiedOn, Version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId,
           @PayloadBinary, now(), 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version
)
SELECT Version AS NewGrainStateVersion FROM updated
UNION ALL
SELECT Version AS NewGrainStateVersion FROM inserted
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Clearing keeps the row (so the version keeps counting) with a NULL payload; the provider reads that back
-- as "no record" with the version of the row as ETag. The new version is the first column of the result.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $query$
WITH cleared AS
(
    UPDATE OrleansStorage
       SET PayloadBinary = NULL, Version = Version + 1, ModifiedOn = now()
     WHERE @GrainStateVersion IS NOT NULL
       AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
       AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
       AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
       AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
       AND Version = @GrainStateVersion
    RETURNING Version
),
inserted AS
(
    INSERT INTO OrleansStorage
        (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId,
         PayloadBinary, ModifiedOn, Version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId,
           NULL, now(), 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version
)
SELECT Version AS NewGrainStateVersion FROM cleared
UNION ALL
SELECT Version AS NewGrainStateVersion FROM inserted
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Used instead of ClearStorageKey when the provider is configured with DeleteStateOnClear. It must return a
-- value different from the ETag of the grain on success: the deleted version plus one, or 0 when the grain
-- held no version and there was nothing to delete.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', $query$
WITH deleted AS
(
    DELETE FROM OrleansStorage
     WHERE @GrainStateVersion IS NOT NULL
       AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
       AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
       AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
       AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
       AND Version = @GrainStateVersion
    RETURNING Version
)
SELECT Version + 1 AS NewGrainStateVersion FROM deleted
UNION ALL
SELECT 0 AS NewGrainStateVersion
 WHERE @GrainStateVersion IS NULL
   AND NOT EXISTS (SELECT 1 FROM OrleansStorage
                    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
                      AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
                      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
                      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString)
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- ---------------------------------------------------------------------------------------------------------
-- Reminders (AdoNetReminderTable).
--
-- GrainId is GrainId.ToString() ("type/key"), parsed back with GrainId.Parse. GrainHash is the uniform hash
-- of the grain cast to a signed 32-bit integer, as are BeginHash and EndHash: the provider picks
-- ReadRangeRows1Key for a range (BeginHash, EndHash] that does not wrap in signed order and ReadRangeRows2Key
-- for one that does (which includes BeginHash = EndHash, the whole ring). Period is in milliseconds.
-- Version is the ETag: every upsert bumps it, and a delete must name it.
-- ---------------------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    text        NOT NULL,
    GrainId      text        NOT NULL,
    ReminderName text        NOT NULL,
    StartTime    timestamptz NOT NULL,
    Period       bigint      NOT NULL,
    GrainHash    integer     NOT NULL,
    Version      integer     NOT NULL,
    CONSTRAINT OrleansRemindersTable_Key PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

CREATE INDEX IF NOT EXISTS OrleansRemindersTable_GrainHash ON OrleansRemindersTable (ServiceId, GrainHash);

-- For the due-reminder sweep of Dispatch (DueReminders): one reminder name, oldest start first.
CREATE INDEX IF NOT EXISTS OrleansRemindersTable_Due ON OrleansRemindersTable (ServiceId, ReminderName, StartTime);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpsertReminderRowKey', $query$
INSERT INTO OrleansRemindersTable AS r (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
   SET StartTime = EXCLUDED.StartTime,
       Period = EXCLUDED.Period,
       GrainHash = EXCLUDED.GrainHash,
       Version = r.Version + 1
RETURNING Version
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowsKey', $query$
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId AND GrainId = @GrainId
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowKey', $query$
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows1Key', $query$
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows2Key', $query$
SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash)
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- The provider reads one boolean column: whether the row (at that version) was deleted.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowKey', $query$
WITH deleted AS
(
    DELETE FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version
    RETURNING 1
)
SELECT count(*) > 0 AS Deleted FROM deleted
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowsKey', $query$
DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- ---------------------------------------------------------------------------------------------------------
-- Cluster membership (AdoNetClusteringTable and the gateway list of clients).
--
-- DeploymentId is the ClusterId. The version row of a cluster is the ETag of its whole membership table:
-- every insert or update of a silo row must name the version it read (@Version) and bumps it in the same
-- statement, so concurrent changes are serialised by the lock on that one row, and a stale writer changes
-- nothing and gets false. Reads return the version on every row (LEFT JOIN: one row with NULL silo columns
-- when there are no silos), because the provider takes the table version from the first row and treats a
-- NULL StartTime as "no silo here". A silo row is keyed by its address, port and generation. Status holds
-- the SiloStatus number (3 = Active, 6 = Dead). SuspectTimes is the provider-formatted suspicion list.
-- ---------------------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId text        NOT NULL PRIMARY KEY,
    ChangedAt    timestamptz NOT NULL DEFAULT now(),
    Version      integer     NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId text        NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
    Address      text        NOT NULL,
    Port         integer     NOT NULL,
    Generation   integer     NOT NULL,
    SiloName     text        NOT NULL,
    HostName     text        NOT NULL,
    Status       integer     NOT NULL,
    ProxyPort    integer     NOT NULL,
    SuspectTimes text        NULL,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    CONSTRAINT OrleansMembershipTable_Key PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- Returns one boolean: whether this call created the version row of the cluster.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', $query$
WITH created AS
(
    INSERT INTO OrleansMembershipVersionTable (DeploymentId, ChangedAt, Version)
    VALUES (@DeploymentId, now(), 0)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT count(*) > 0 AS Created FROM created
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', $query$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
  FROM OrleansMembershipVersionTable v
  LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
 WHERE v.DeploymentId = @DeploymentId
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', $query$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
  FROM OrleansMembershipVersionTable v
  LEFT JOIN OrleansMembershipTable m
         ON m.DeploymentId = v.DeploymentId
        AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
 WHERE v.DeploymentId = @DeploymentId
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- The version is bumped first (taking the row lock, and re-checked after any concurrent bump), and the silo
-- row is inserted only when that succeeded, so a false answer never leaves a half-done change behind.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', $query$
WITH bumped AS
(
    UPDATE OrleansMembershipVersionTable
       SET Version = Version + 1, ChangedAt = now()
     WHERE DeploymentId = @DeploymentId AND Version = @Version
       AND NOT EXISTS (SELECT 1 FROM OrleansMembershipTable
                        WHERE DeploymentId = @DeploymentId
                          AND Address = @Address AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId
),
inserted AS
(
    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
      FROM bumped
    RETURNING 1
)
SELECT count(*) > 0 AS Inserted FROM inserted
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', $query$
WITH bumped AS
(
    UPDATE OrleansMembershipVersionTable
       SET Version = Version + 1, ChangedAt = now()
     WHERE DeploymentId = @DeploymentId AND Version = @Version
       AND EXISTS (SELECT 1 FROM OrleansMembershipTable
                    WHERE DeploymentId = @DeploymentId
                      AND Address = @Address AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId
),
updated AS
(
    UPDATE OrleansMembershipTable m
       SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
      FROM bumped b
     WHERE m.DeploymentId = b.DeploymentId
       AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    RETURNING 1
)
SELECT count(*) > 0 AS Updated FROM updated
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Liveness heartbeat: no version bump, as other silos need not re-read the table for it.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', $query$
UPDATE OrleansMembershipTable
   SET IAmAliveTime = @IAmAliveTime
 WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Gateways for clients: silos in the given status (the provider passes Active) that have a gateway port.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', $query$
SELECT Address, ProxyPort, Generation
  FROM OrleansMembershipTable
 WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', $query$
WITH silos AS
(
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId
)
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Removal of defunct silo rows: Dead silos that started and last sent a heartbeat before the cut-off
-- (@IAmAliveTime). Orleans 10.4 prefers the optional per-row CleanupDefunctSiloEntryKey below when it is
-- installed; the bulk query stays for providers that do not know it.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', $query$
DELETE FROM OrleansMembershipTable
 WHERE DeploymentId = @DeploymentId AND Status = 6
   AND StartTime < @IAmAliveTime AND IAmAliveTime < @IAmAliveTime
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Per-row removal (Orleans 10.4+): the provider reads the table, picks the Dead rows that are old enough
-- and carries no recent suspicion, and deletes each only if it still holds the values it read (start,
-- heartbeat and suspicions), so a row that changed in between is left for a later round.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntryKey', $query$
DELETE FROM OrleansMembershipTable
 WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
   AND Status = 6
   AND StartTime = @StartTime AND IAmAliveTime = @IAmAliveTime
   AND COALESCE(SuspectTimes, '') = COALESCE(@SuspectTimes, '')
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO DispatchSchema (Version) VALUES (1) ON CONFLICT (Version) DO NOTHING;

-- ---------------------------------------------------------------------------------------------------------
-- Read models (schema version 2). The case grain is the one writer of a case's truth (its Orleans state); what
-- people list, filter, count and rank is kept here as rows, written in batches by the read-model projector
-- (ReadModels/SqlReadModelWriter) from the cases' outboxes. Every row carries the version of what wrote it and an
-- upsert only replaces an older one, so re-sent and reordered batches are harmless. Instants are BIGINT
-- nanoseconds since the Unix epoch (exact NodaTime round trips); local days are 'yyyy-MM-dd' (Asia/Shanghai);
-- ids compare ordinally (COLLATE "C"), as the engine does.
-- ---------------------------------------------------------------------------------------------------------

-- One row per case: where it is handled now and the summary lists show.
CREATE TABLE IF NOT EXISTS case_view
(
    case_id        text COLLATE "C" NOT NULL PRIMARY KEY,
    version        integer  NOT NULL,
    grid_id        text COLLATE "C" NOT NULL,
    township_id    text COLLATE "C" NOT NULL,
    county_id      text COLLATE "C" NOT NULL,
    center_id      text COLLATE "C" NOT NULL,
    level          text     NOT NULL,
    category       text     NOT NULL,
    tier           text     NULL,
    risk           text     NULL,
    state          text     NOT NULL,
    is_open        boolean  NOT NULL,
    summary        text     NOT NULL,
    created_ns     bigint   NOT NULL,
    due_ns         bigint   NULL,
    open_summonses integer  NOT NULL,
    escalations    integer  NOT NULL,
    leader         text     NULL
);
CREATE INDEX IF NOT EXISTS case_view_center ON case_view (center_id, created_ns DESC, case_id DESC);
CREATE INDEX IF NOT EXISTS case_view_county ON case_view (county_id, created_ns DESC, case_id DESC);
CREATE INDEX IF NOT EXISTS case_view_created ON case_view (created_ns DESC, case_id DESC);
CREATE INDEX IF NOT EXISTS case_view_grid ON case_view (grid_id, created_ns DESC);
CREATE INDEX IF NOT EXISTS case_view_overdue ON case_view (due_ns) WHERE is_open;
-- A center's or county's open cases, newest first, and their count, read only its open rows; the reports' attention
-- list (open cases of a county's townships, most escalations first, then earliest due) stops after the first 100.
CREATE INDEX IF NOT EXISTS case_view_center_open ON case_view (center_id, created_ns DESC, case_id DESC) WHERE is_open;
CREATE INDEX IF NOT EXISTS case_view_county_open ON case_view (county_id, created_ns DESC, case_id DESC) WHERE is_open;
CREATE INDEX IF NOT EXISTS case_view_township_attention ON case_view (township_id, escalations DESC, due_ns NULLS LAST, case_id) WHERE is_open;

-- One row per summons: a department's inbox.
CREATE TABLE IF NOT EXISTS summons_view
(
    summons_id       text COLLATE "C" NOT NULL PRIMARY KEY,
    version          integer  NOT NULL,
    case_id          text COLLATE "C" NOT NULL,
    department_id    text COLLATE "C" NOT NULL,
    state            text     NOT NULL,
    is_open          boolean  NOT NULL,
    risk             text     NOT NULL,
    issued_ns        bigint   NOT NULL,
    ack_due_ns       bigint   NOT NULL,
    arrive_due_ns    bigint   NOT NULL,
    acked_ns         bigint   NULL,
    arrived_ns       bigint   NULL,
    escalation_level integer  NOT NULL,
    escalated_to     text     NULL,
    fed_back_ns      bigint   NULL,
    note             text     NULL
);
CREATE INDEX IF NOT EXISTS summons_view_department ON summons_view (department_id, is_open, issued_ns DESC, summons_id);
CREATE INDEX IF NOT EXISTS summons_view_issued ON summons_view (issued_ns);
CREATE INDEX IF NOT EXISTS summons_view_acked ON summons_view (acked_ns);
CREATE INDEX IF NOT EXISTS summons_view_case ON summons_view (case_id);

-- One row per (scope, local day, case): the case's contribution to that township's or department's statistics
-- (see CaseStatsFacts). Counties and the city add up their townships. Durations are nanoseconds, comma-separated.
CREATE TABLE IF NOT EXISTS stats_fact
(
    scope             text COLLATE "C" NOT NULL,
    day               text COLLATE "C" NOT NULL,
    case_id           text COLLATE "C" NOT NULL,
    version           integer  NOT NULL,
    accepted          integer  NOT NULL,
    accepted_resolved integer  NOT NULL,
    resolved          integer  NOT NULL,
    closed            integer  NOT NULL,
    summoned          integer  NOT NULL,
    acked_on_time     integer  NOT NULL,
    escalations       integer  NOT NULL,
    follow_ups        integer  NOT NULL,
    satisfaction_sum  integer  NOT NULL,
    satisfied         integer  NOT NULL,
    ack_ns            text     NOT NULL,
    arrive_ns         text     NOT NULL,
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
    delivery_id     TEXT COLLATE "C"  NOT NULL PRIMARY KEY,
    event_id        TEXT COLLATE "C"  NOT NULL,
    series          TEXT COLLATE "C"  NULL,
    sequence        integer  NOT NULL,
    type            TEXT     NOT NULL,
    case_id         TEXT COLLATE "C"  NOT NULL,
    summons_id      TEXT COLLATE "C"  NULL,
    county_id       TEXT COLLATE "C"  NULL,
    recipient       TEXT COLLATE "C"  NOT NULL,
    channel         TEXT     NOT NULL,
    target          TEXT COLLATE "C"  NOT NULL,
    data            TEXT     NOT NULL,
    text            TEXT     NOT NULL,
    state           TEXT     NOT NULL,
    occurred_ns     bigint   NOT NULL,
    created_ns      bigint   NOT NULL,
    next_ns         bigint   NOT NULL,
    attempts        integer  NOT NULL,
    last_attempt_ns bigint   NULL,
    last_error      TEXT     NULL,
    delivered_ns    bigint   NULL,
    lease_ns        bigint   NULL,
    cancel_key      TEXT     NULL,
    repeat_ns       bigint   NULL
);
CREATE INDEX IF NOT EXISTS notification_due ON notification (next_ns) WHERE state = 'pending';
CREATE INDEX IF NOT EXISTS notification_summons ON notification (summons_id, cancel_key) WHERE state = 'pending';
CREATE INDEX IF NOT EXISTS notification_case ON notification (case_id, created_ns);
CREATE INDEX IF NOT EXISTS notification_recipient ON notification (recipient, created_ns);
CREATE INDEX IF NOT EXISTS notification_county ON notification (county_id, state);
CREATE INDEX IF NOT EXISTS notification_sent ON notification (target, delivered_ns);

CREATE TABLE IF NOT EXISTS notification_cancel
(
    summons_id TEXT COLLATE "C" NOT NULL,
    cancel_key TEXT COLLATE "C" NOT NULL,
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

CREATE TABLE IF NOT EXISTS case_attachment
(
    case_id   text COLLATE "C" NOT NULL,
    sha256    text COLLATE "C" NOT NULL,
    content   bytea       NOT NULL,
    stored_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (case_id, sha256)
);

INSERT INTO DispatchSchema (Version) VALUES (5) ON CONFLICT (Version) DO NOTHING;
