-- The event store: streams with optimistic concurrency and a global log read in commit order.
-- Idempotent (IF NOT EXISTS / CREATE OR REPLACE): the migration runs it on every fresh database and
-- `psql -f db/event_store.sql` may run it again on an existing one.
--
-- Why the log carries transaction ids: `global_position` is taken when a row is inserted, not when its
-- transaction commits, so a transaction that inserted earlier can commit later and its events appear
-- "behind" a reader that already moved past their positions. Every event therefore records the id of
-- its writing transaction (`pg_current_xact_id()`); the log is ordered by (transaction_id,
-- global_position); readers only read transactions older than the oldest one still running
-- (`pg_snapshot_xmin(pg_current_snapshot())`), all of which have finished; and a reader's checkpoint is
-- the PAIR (transaction_id, global_position). Any event committed later belongs to a transaction at or
-- above that horizon, hence after the checkpoint: nothing is skipped and nothing is read twice.
-- A writer that keeps its transaction open holds every reader back, so sessions are opened with
-- `idle_in_transaction_session_timeout` (see src/infrastructure/database/database.ts).

-- ---------------------------------------------------------------------------------------------
-- Streams: one row per stream, holding its revision for the expected-revision check.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS es_streams (
  stream_id text   PRIMARY KEY,
  revision  bigint NOT NULL
)
-- Every append rewrites its streams' rows: half of each page left free keeps those updates
-- heap-only (HOT), with no new primary-key entry per bump.
WITH (fillfactor = 50);

COMMENT ON TABLE es_streams IS
  'One row per event stream: its current revision, locked and bumped by every append (optimistic concurrency).';
COMMENT ON COLUMN es_streams.stream_id IS
  'The stream''s id, e.g. nurturing_sequence-123.';
COMMENT ON COLUMN es_streams.revision IS
  'The 0-based stream position of the stream''s last event (-1 = no events yet); equals the number of events minus one.';

-- ---------------------------------------------------------------------------------------------
-- Events: the global log.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS es_events (
  global_position bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
  stream_id       text        NOT NULL,
  stream_position bigint      NOT NULL,
  event_id        uuid        NOT NULL,
  event_type      text        NOT NULL,
  schema_version  integer     NOT NULL,
  data            jsonb       NOT NULL,
  metadata        jsonb       NOT NULL DEFAULT '{}',
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT es_events_event_id_key UNIQUE (event_id),
  CONSTRAINT es_events_stream_position_key UNIQUE (stream_id, stream_position)
);

-- The log's read order; readers seek on (transaction_id, global_position) > checkpoint.
CREATE INDEX IF NOT EXISTS es_events_log_order_idx ON es_events (transaction_id, global_position);

COMMENT ON TABLE es_events IS
  'Every event ever appended, immutable. Read per stream by (stream_id, stream_position) and as a global log by (transaction_id, global_position).';
COMMENT ON COLUMN es_events.global_position IS
  'Position in the global log, unique and increasing in insertion order (not commit order); the tie-breaker of the log order within a transaction.';
COMMENT ON COLUMN es_events.transaction_id IS
  'Id of the transaction that appended the event (pg_current_xact_id()); the log is read in (transaction_id, global_position) order, below pg_snapshot_xmin.';
COMMENT ON COLUMN es_events.stream_id IS
  'The stream the event belongs to, e.g. nurturing_sequence-123.';
COMMENT ON COLUMN es_events.stream_position IS
  '0-based position of the event within its stream; unique per stream.';
COMMENT ON COLUMN es_events.event_id IS
  'Globally unique id of the event (a UUID chosen by the writer); appending the same id twice fails.';
COMMENT ON COLUMN es_events.event_type IS
  'The event''s type, e.g. EmailSent.';
COMMENT ON COLUMN es_events.schema_version IS
  'Version of the shape of data for this event type, so older shapes can be upcast on read.';
COMMENT ON COLUMN es_events.data IS
  'The event''s payload as written by the domain.';
COMMENT ON COLUMN es_events.metadata IS
  'Correlation and causation ids, actor and similar context; {} when none.';
COMMENT ON COLUMN es_events.recorded_at IS
  'When the appending transaction started (now()); the domain''s own time is data.occurredAt.';

-- ---------------------------------------------------------------------------------------------
-- es_append: appends to several streams atomically, in one round trip.
--
--   p_stream_ids     the streams, distinct, in the caller's order
--   p_expected       per stream: NULL = any revision, -1 = the stream must not exist, n >= 0 = its revision
--   p_counts         per stream: how many events it is appended (0 = only check its revision)
--   p_event_streams  per event: the 1-based index of its stream in p_stream_ids
--   p_event_offsets  per event: its 0-based index among its stream's appended events
--   p_events         per event, one jsonb array of [event_id, event_type, schema_version, data, metadata],
--                    in append order (global positions follow it)
--
-- Returns the streams' new revisions, in the order of p_stream_ids. On a revision mismatch raises
-- SQLSTATE 'ES409' whose DETAIL is {"stream_id", "expected", "actual"} (revisions as text); the
-- statement's writes are undone with it, so the batch is all or nothing.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION es_append(
  p_stream_ids    text[],
  p_expected      bigint[],
  p_counts        integer[],
  p_event_streams integer[],
  p_event_offsets integer[],
  p_events        jsonb
) RETURNS bigint[]
LANGUAGE plpgsql
AS $$
DECLARE
  v_previous bigint[];   -- per stream: revision before this append (-1 = did not exist)
  v_next     bigint[];   -- per stream: revision after this append
  v_conflict record;
BEGIN
  -- Bump every stream's revision by its event count, creating missing streams. Rows are locked in
  -- stream_id order, so concurrent batches touching the same streams cannot deadlock; a concurrent
  -- writer's bump is waited for and then built upon, so `previous` is always the committed revision.
  -- A new stream is inserted at (count - 1) and an existing one moves to revision + count, so in both
  -- cases previous = new revision - count.
  WITH bumped AS (
    INSERT INTO es_streams AS s (stream_id, revision)
    SELECT i.stream_id, i.n - 1
      FROM unnest(p_stream_ids, p_counts) AS i(stream_id, n)
     ORDER BY i.stream_id
    ON CONFLICT (stream_id) DO UPDATE SET revision = s.revision + excluded.revision + 1
    RETURNING s.stream_id, s.revision
  )
  SELECT array_agg(b.revision - i.n ORDER BY i.ord), array_agg(b.revision ORDER BY i.ord)
    INTO v_previous, v_next
    FROM unnest(p_stream_ids, p_counts) WITH ORDINALITY AS i(stream_id, n, ord)
    JOIN bumped AS b ON b.stream_id = i.stream_id;

  -- The expected-revision check: the first mismatch aborts the whole batch.
  SELECT i.stream_id, i.expected, v_previous[i.ord] AS actual
    INTO v_conflict
    FROM unnest(p_stream_ids, p_expected) WITH ORDINALITY AS i(stream_id, expected, ord)
   WHERE i.expected IS NOT NULL AND i.expected <> v_previous[i.ord]
   ORDER BY i.ord
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING
      ERRCODE = 'ES409',
      MESSAGE = format('stream %s: expected revision %s, found %s',
                       v_conflict.stream_id, v_conflict.expected, v_conflict.actual),
      DETAIL  = json_build_object('stream_id', v_conflict.stream_id,
                                  'expected', v_conflict.expected::text,
                                  'actual', v_conflict.actual::text)::text;
  END IF;

  -- The events, in append order; each stream continues after its previous revision.
  INSERT INTO es_events (stream_id, stream_position, event_id, event_type, schema_version, data, metadata)
  SELECT p_stream_ids[p_event_streams[e.ord]],
         v_previous[p_event_streams[e.ord]] + 1 + p_event_offsets[e.ord],
         (e.event ->> 0)::uuid,
         e.event ->> 1,
         (e.event ->> 2)::integer,
         e.event -> 3,
         e.event -> 4
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(event, ord)
   ORDER BY e.ord;

  RETURN v_next;
END;
$$;

COMMENT ON FUNCTION es_append(text[], bigint[], integer[], integer[], integer[], jsonb) IS
  'Appends events to several streams atomically with expected-revision checks (NULL = any, -1 = no stream); raises ES409 on a mismatch; returns the new revisions in input order.';
