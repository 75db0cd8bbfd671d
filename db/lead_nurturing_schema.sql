-- =====================================================================================================
-- lead_nurturing_schema.sql — the read side of the lead-nurturing service
-- =====================================================================================================
--
-- What analysts query with plain SQL: the tables named by the specification (`leads`,
-- `nurturing_sequence_templates`, `lead_nurturing_sequences`, `lead_nurturing_events`,
-- `lead_nurturing_engagement_summary`, `mv_nurturing_conversion_metrics`), plus the suppression list
-- and the projection checkpoints. Every SQL statement of the specification runs unchanged against it.
--
-- Install (after db/event_store.sql):
--
--     psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -1 -f db/lead_nurturing_schema.sql
--
-- or `nurture migrate`, whose migration `ReadSide1764115200001` runs this very file, so both reach the
-- same schema (test/read-side/schema-equivalence.test.ts proves it).
--
-- IDEMPOTENT: every statement is CREATE ... IF NOT EXISTS, CREATE OR REPLACE, COMMENT ON, or an ALTER
-- TABLE that brings an older install up to date (ADD COLUMN IF NOT EXISTS, SET DEFAULT). Running it
-- again — twice in a row, or `psql -f` after `nurture migrate` — changes nothing and keeps every row.
-- It never drops, never alters the user's `leads` table and holds no BEGIN/COMMIT of its own (the migration
-- wraps it in a transaction; with psql use `-1`). Everything is created in the first schema of the
-- `search_path`, the schema the specification's unqualified queries read.
--
-- Runs on PostgreSQL 15+ (xid8 needs 13, CREATE OR REPLACE TRIGGER 14) and on embedded PGlite.
--
-- Who writes what:
--   * `leads`                          the user's table: read, never written nor altered.
--   * `nurturing_sequence_templates`   analysts (the specification's INSERT) and the service's
--                                      get_or_create of the default template.
--   * `lead_nurturing_suppressions`    the projection (bounces, unsubscribes, complaints), operators
--                                      (HTTP, CLI) and analysts (plain SQL). A rebuild never touches it.
--   * every other table                the projections only, from the event log (`es_events`), in the
--                                      same transaction as their checkpoint. They can be emptied and
--                                      rebuilt by replaying the log, which is why they carry no foreign
--                                      keys: a projection, not the database, keeps them consistent, and
--                                      a rebuild may copy them table by table in any order.
--   * `mv_nurturing_conversion_metrics` REFRESH MATERIALIZED VIEW CONCURRENTLY (pipeline step
--                                      `refresh_conversion_metrics`).
--
-- Timestamps written by projections come from the events' `occurredAt`, never from the clock, so a
-- replay reproduces every row exactly.
-- =====================================================================================================


-- -----------------------------------------------------------------------------------------------------
-- leads — the user's leads (specification: "Tabla leads: /data/db/schema.sql")
-- -----------------------------------------------------------------------------------------------------
-- Belongs to the user. Created here only when absent (a fresh database, the demo), with the columns
-- the service reads; an existing `leads` table is left exactly as it is: no column, index or comment is
-- added to it (the service may not even own it).

DO $leads$
BEGIN
    IF to_regclass('leads') IS NULL THEN
        CREATE TABLE IF NOT EXISTS leads (
            ext_id      text        NOT NULL,
            email       text,
            first_name  text,
            last_name   text,
            company     text,
            score       integer,
            priority    text,
            source      text,
            created_at  timestamptz NOT NULL DEFAULT now(),

            CONSTRAINT leads_pkey PRIMARY KEY (ext_id)
        );

        -- The cold-lead query filters on the 90-day creation window.
        CREATE INDEX IF NOT EXISTS leads_created_at_idx ON leads (created_at);

        COMMENT ON TABLE leads IS
            'The user''s sales leads. The service only reads it (cold-lead identification, template choice, '
            'rendering); this definition is used only when no leads table exists (fresh database, demo).';
        COMMENT ON COLUMN leads.ext_id IS
            'The lead''s identifier in the user''s systems (CRM id); referenced as lead_ext_id by the nurturing tables.';
        COMMENT ON COLUMN leads.email IS
            'Email address the sequences write to; leads without one are never nurtured.';
        COMMENT ON COLUMN leads.first_name IS
            'First name, rendered as {{first_name}} in templates.';
        COMMENT ON COLUMN leads.last_name IS
            'Last name, rendered as {{last_name}} in templates.';
        COMMENT ON COLUMN leads.company IS
            'Company name, rendered as {{company}} in templates.';
        COMMENT ON COLUMN leads.score IS
            'The lead''s own score (null = unscored). Cold when null or < 50; it is the base score that '
            'engagement points are added to.';
        COMMENT ON COLUMN leads.priority IS
            'Sales priority (e.g. low, medium, high; null = none). Cold when null or ''low''; matched '
            'against nurturing_sequence_templates.priority_filter.';
        COMMENT ON COLUMN leads.source IS
            'Where the lead came from (form, import, campaign...); informative.';
        COMMENT ON COLUMN leads.created_at IS
            'When the lead was created; only leads created in the last 90 days are considered cold.';
    END IF;
END
$leads$;


-- -----------------------------------------------------------------------------------------------------
-- nurturing_sequence_templates — reusable sequence definitions
-- -----------------------------------------------------------------------------------------------------
-- A plain table: analysts insert templates with the specification's INSERT. The database checks the
-- shape only; the service validates the rest (steps numbered 1..n, delays >= 0, subject and body
-- present) and skips and reports an invalid template instead of failing a run. `total_steps` is NOT
-- checked against the number of steps: the specification's own example declares 3 with two steps and
-- must insert (the steps present are the truth; the mismatch is reported).

CREATE TABLE IF NOT EXISTS nurturing_sequence_templates (
    id               integer     GENERATED BY DEFAULT AS IDENTITY,
    name             text        NOT NULL,
    description      text,
    priority_filter  text,
    min_score        integer     NOT NULL DEFAULT 0,
    max_score        integer     NOT NULL DEFAULT 100,
    total_steps      integer     NOT NULL,
    steps_config     jsonb       NOT NULL,
    enabled          boolean     NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    -- Last, where ADD COLUMN puts them in databases created before them: the same column order everywhere.
    default_fallback text,
    stop_on_reply    boolean,

    CONSTRAINT nurturing_sequence_templates_pkey           PRIMARY KEY (id),
    CONSTRAINT nurturing_sequence_templates_name_key       UNIQUE (name),
    CONSTRAINT nurturing_sequence_templates_score_range    CHECK (min_score <= max_score),
    CONSTRAINT nurturing_sequence_templates_steps_is_array CHECK (jsonb_typeof(steps_config) = 'array')
);

-- Added after the first release: databases created before it get the column here.
ALTER TABLE nurturing_sequence_templates ADD COLUMN IF NOT EXISTS default_fallback text;

COMMENT ON TABLE nurturing_sequence_templates IS
    'Reusable nurturing sequences: which leads they fit (priority, score range) and their steps. Analysts '
    'insert them with SQL; the service creates default_cold_lead_nurturing when no template fits. A '
    'sequence keeps a snapshot of its template''s steps, so editing a template never changes running sequences.';
COMMENT ON COLUMN nurturing_sequence_templates.id IS
    'Template id (identity); stored as lead_nurturing_sequences.template_id.';
COMMENT ON COLUMN nurturing_sequence_templates.name IS
    'Unique template name, e.g. default_cold_lead_nurturing; copied to lead_nurturing_sequences.sequence_name.';
COMMENT ON COLUMN nurturing_sequence_templates.description IS
    'Free text for humans.';
COMMENT ON COLUMN nurturing_sequence_templates.priority_filter IS
    'The leads.priority this template is for; null = any priority. A lead without a priority matches '
    'only templates whose priority_filter is null.';
COMMENT ON COLUMN nurturing_sequence_templates.min_score IS
    'Lowest leads.score (null counts as 0) the template applies to, inclusive.';
COMMENT ON COLUMN nurturing_sequence_templates.max_score IS
    'Highest leads.score the template applies to, inclusive; >= min_score.';
COMMENT ON COLUMN nurturing_sequence_templates.total_steps IS
    'Number of steps the author declared. Informative: the steps present in steps_config are the truth, '
    'and a mismatch is reported, not rejected.';
COMMENT ON COLUMN nurturing_sequence_templates.steps_config IS
    'JSON array of steps {step, delay_days, subject_template, body_template}: step number from 1, days '
    'after the previous step''s send (step 1: after the start), and the logic-less {{field}} templates '
    'of the subject and body.';
-- Added after the first release: brought to existing installs too.
ALTER TABLE nurturing_sequence_templates ADD COLUMN IF NOT EXISTS stop_on_reply boolean;

COMMENT ON COLUMN nurturing_sequence_templates.stop_on_reply IS
    'Whether a reply that does not qualify the lead stops the sequence (reason replied); null = the '
    'service''s stop_on_reply parameter (default false). Snapshotted when a sequence starts.';
COMMENT ON COLUMN nurturing_sequence_templates.enabled IS
    'Whether new sequences may start with this template; running sequences are not affected.';
COMMENT ON COLUMN nurturing_sequence_templates.default_fallback IS
    'What a {{field}} the lead has no value for renders as, when the placeholder has no {{field | default}} '
    'of its own; null = nothing, and the text around it is closed up ("{{first_name}}, acceso VIP" -> '
    '"Acceso VIP"). Plain text, one line, at most 100 characters; a sequence keeps the value it started with.';
COMMENT ON COLUMN nurturing_sequence_templates.created_at IS
    'When the template was inserted.';
COMMENT ON COLUMN nurturing_sequence_templates.updated_at IS
    'When the template was last changed; maintained by trigger nurturing_sequence_templates_touch_updated_at '
    'unless the UPDATE sets it itself.';

-- Keeps updated_at true when analysts UPDATE a template by hand.
CREATE OR REPLACE FUNCTION nurturing_sequence_templates_touch_updated_at()
RETURNS trigger
LANGUAGE plpgsql
AS $function$
BEGIN
    -- An UPDATE that sets updated_at explicitly (a backfill, an import) keeps its value.
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END
$function$;

COMMENT ON FUNCTION nurturing_sequence_templates_touch_updated_at() IS
    'Trigger function: sets nurturing_sequence_templates.updated_at to now() on a change, unless the UPDATE sets it.';

CREATE OR REPLACE TRIGGER nurturing_sequence_templates_touch_updated_at
    BEFORE UPDATE ON nurturing_sequence_templates
    FOR EACH ROW
    WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION nurturing_sequence_templates_touch_updated_at();


-- -----------------------------------------------------------------------------------------------------
-- lead_nurturing_sequence_id_seq — sequence ids
-- -----------------------------------------------------------------------------------------------------
-- Sequence ids are integers (the specification's webhook says "sequence_id": 123). The command side takes
-- one from here before appending SequenceStarted to stream `nurturing_sequence-<id>`; the projection then
-- writes it to lead_nurturing_sequences.id, which therefore has no default.

CREATE SEQUENCE IF NOT EXISTS lead_nurturing_sequence_id_seq AS bigint;

COMMENT ON SEQUENCE lead_nurturing_sequence_id_seq IS
    'Allocates nurturing sequence ids (lead_nurturing_sequences.id, stream nurturing_sequence-<id>) before '
    'the sequence''s first event is written. Gaps are harmless.';


-- -----------------------------------------------------------------------------------------------------
-- lead_nurturing_sequences — one row per sequence (projection)
-- -----------------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS lead_nurturing_sequences (
    id                  bigint       NOT NULL,
    lead_ext_id         text         NOT NULL,
    email               text         NOT NULL,
    first_name          text,
    template_id         integer,
    sequence_name       text         NOT NULL,
    current_step        integer      NOT NULL DEFAULT 0,
    total_steps         integer      NOT NULL,
    status              text         NOT NULL,
    base_score          integer,
    engagement_score    integer      NOT NULL DEFAULT 0,
    total_score         integer      NOT NULL DEFAULT 0,
    started_at          timestamptz  NOT NULL,
    next_send_at        timestamptz,
    last_sent_at        timestamptz,
    last_engagement_at  timestamptz,
    completion_rate     numeric(5,2) NOT NULL DEFAULT 0,
    qualified_at        timestamptz,
    paused_at           timestamptz,
    completed_at        timestamptz,
    stopped_at          timestamptz,
    pause_reason        text,
    stop_reason         text,
    stream_revision     bigint       NOT NULL,
    last_event_at       timestamptz  NOT NULL,

    CONSTRAINT lead_nurturing_sequences_pkey PRIMARY KEY (id),
    CONSTRAINT lead_nurturing_sequences_status_check
        CHECK (status IN ('active', 'paused', 'completed', 'stopped', 'qualified'))
)
-- Room on each page so that the projection's frequent updates, which rarely change an indexed
-- column, stay heap-only (HOT): no index entry is written for them.
WITH (fillfactor = 80);

-- "Ver Secuencias Activas" (status = 'active' ORDER BY next_send_at), the due-sends troubleshooting
-- query (status = 'active' AND next_send_at <= NOW()), and the engagement view (status IN (...)).
CREATE INDEX IF NOT EXISTS lead_nurturing_sequences_status_next_send_at_idx
    ON lead_nurturing_sequences (status, next_send_at);
-- A lead's sequences (cold-lead exclusion, history).
CREATE INDEX IF NOT EXISTS lead_nurturing_sequences_lead_ext_id_idx
    ON lead_nurturing_sequences (lead_ext_id);
-- Engagement webhooks identify the lead by email.
CREATE INDEX IF NOT EXISTS lead_nurturing_sequences_email_idx
    ON lead_nurturing_sequences (email);

COMMENT ON TABLE lead_nurturing_sequences IS
    'One row per nurturing sequence: a lead going through a template''s steps. Projected from the event log '
    '(stream nurturing_sequence-<id>); never written by hand.';
COMMENT ON COLUMN lead_nurturing_sequences.id IS
    'Sequence id, from lead_nurturing_sequence_id_seq; the sequence_id of webhooks and of the other tables.';
COMMENT ON COLUMN lead_nurturing_sequences.lead_ext_id IS
    'The nurtured lead (leads.ext_id).';
COMMENT ON COLUMN lead_nurturing_sequences.email IS
    'Address the sequence writes to, as it was when the sequence started.';
COMMENT ON COLUMN lead_nurturing_sequences.first_name IS
    'The lead''s first name when the sequence started.';
COMMENT ON COLUMN lead_nurturing_sequences.template_id IS
    'The template the sequence was started from (nurturing_sequence_templates.id).';
COMMENT ON COLUMN lead_nurturing_sequences.sequence_name IS
    'The template''s name when the sequence started.';
COMMENT ON COLUMN lead_nurturing_sequences.current_step IS
    'Last step sent (0 = none yet).';
COMMENT ON COLUMN lead_nurturing_sequences.total_steps IS
    'Number of steps of the sequence (the steps of its template snapshot).';
COMMENT ON COLUMN lead_nurturing_sequences.status IS
    'active (sending), paused (no sends until resumed), completed (last step sent), stopped (bounce, '
    'unsubscribe, complaint or manual; final), qualified (the lead qualified; no more sends).';
COMMENT ON COLUMN lead_nurturing_sequences.base_score IS
    'The lead''s own score when the sequence started (leads.score; null = unscored, counts as 0).';
COMMENT ON COLUMN lead_nurturing_sequences.engagement_score IS
    'Points earned by engagement over the whole sequence: replies +15 (1) / +25 (2+), clicks +8 (1) / '
    '+12 (2+), opens +5 (2) / +10 (3) / +15 (4+).';
COMMENT ON COLUMN lead_nurturing_sequences.total_score IS
    'coalesce(base_score, 0) + engagement_score; compared with min_score_to_qualify.';
COMMENT ON COLUMN lead_nurturing_sequences.started_at IS
    'When the sequence started (SequenceStarted).';
COMMENT ON COLUMN lead_nurturing_sequences.next_send_at IS
    'When the next step is due (after a failed send: when it may be tried again); null when nothing more will be sent (completed, stopped, qualified).';
COMMENT ON COLUMN lead_nurturing_sequences.last_sent_at IS
    'When the last step was sent.';
COMMENT ON COLUMN lead_nurturing_sequences.last_engagement_at IS
    'When the lead last opened, clicked or replied; auto-pause counts inactivity from the later of this and started_at.';
COMMENT ON COLUMN lead_nurturing_sequences.completion_rate IS
    'Percent of the steps sent: 100 * current_step / total_steps, 2 decimals.';
COMMENT ON COLUMN lead_nurturing_sequences.qualified_at IS
    'When the lead qualified (LeadQualified); null = not qualified. Qualified leads are exported to the CRM.';
COMMENT ON COLUMN lead_nurturing_sequences.paused_at IS
    'When the sequence was last paused; null when it never was.';
COMMENT ON COLUMN lead_nurturing_sequences.completed_at IS
    'When the last step was sent and the sequence completed.';
COMMENT ON COLUMN lead_nurturing_sequences.stopped_at IS
    'When the sequence was stopped.';
COMMENT ON COLUMN lead_nurturing_sequences.pause_reason IS
    'Why it was paused: inactive (no engagement for pause_after_days) or manual.';
COMMENT ON COLUMN lead_nurturing_sequences.stop_reason IS
    'Why it was stopped: bounced (hard bounce), unsubscribed, complained (spam report) — these three '
    'also suppress the address —, suppressed (the address was on the suppression list when a step fell '
    'due), replied (stop_on_reply), send_failed (the email webhook refused the send for good), or manual.';
COMMENT ON COLUMN lead_nurturing_sequences.stream_revision IS
    'Revision of the sequence''s event stream after the last event that changed this row (a send reservation changes none).';
COMMENT ON COLUMN lead_nurturing_sequences.last_event_at IS
    'occurredAt of the last event applied to this row.';


-- -----------------------------------------------------------------------------------------------------
-- lead_nurturing_events — one row per email of a sequence (projection)
-- -----------------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS lead_nurturing_events (
    id                   uuid        NOT NULL,
    sequence_id          bigint      NOT NULL,
    lead_ext_id          text        NOT NULL,
    email                text        NOT NULL,
    step_number          integer     NOT NULL,
    subject              text,
    status               text        NOT NULL,
    provider_message_id  text,
    sent_at              timestamptz,
    delivered_at         timestamptz,
    opened_at            timestamptz,
    clicked_at           timestamptz,
    replied_at           timestamptz,
    bounced_at           timestamptz,
    open_count           integer     NOT NULL DEFAULT 0,
    click_count          integer     NOT NULL DEFAULT 0,
    reply_count          integer     NOT NULL DEFAULT 0,
    attempts             integer     NOT NULL DEFAULT 0,
    error                text,
    metadata             jsonb       NOT NULL DEFAULT '{}'::jsonb,
    last_event_at        timestamptz NOT NULL,

    CONSTRAINT lead_nurturing_events_pkey                 PRIMARY KEY (id),
    CONSTRAINT lead_nurturing_events_sequence_step_key    UNIQUE (sequence_id, step_number),
    CONSTRAINT lead_nurturing_events_status_check
        CHECK (status IN ('sent', 'failed', 'bounced', 'dry_run')),
    CONSTRAINT lead_nurturing_events_metadata_is_object   CHECK (jsonb_typeof(metadata) = 'object')
)
-- Room on each page so that the projection's frequent updates, which rarely change an indexed
-- column, stay heap-only (HOT): no index entry is written for them.
WITH (fillfactor = 80);

-- "Engagement no se actualiza": status = 'sent' AND sent_at >= ...; also the reports by send date.
CREATE INDEX IF NOT EXISTS lead_nurturing_events_status_sent_at_idx
    ON lead_nurturing_events (status, sent_at);
-- Provider webhooks (SendGrid, Mailgun, Postmark, SES, Resend) name the email by its message id.
CREATE INDEX IF NOT EXISTS lead_nurturing_events_provider_message_id_idx
    ON lead_nurturing_events (provider_message_id)
    WHERE provider_message_id IS NOT NULL;

COMMENT ON TABLE lead_nurturing_events IS
    'One row per email of a sequence (one per step): how its send ended and what the lead did with it. '
    'Projected from the event log; never written by hand.';
COMMENT ON COLUMN lead_nurturing_events.id IS
    'The email''s id (email event id carried by EmailSent and the engagement events of this email).';
COMMENT ON COLUMN lead_nurturing_events.sequence_id IS
    'The sequence the email belongs to (lead_nurturing_sequences.id).';
COMMENT ON COLUMN lead_nurturing_events.lead_ext_id IS
    'The lead written to (leads.ext_id).';
COMMENT ON COLUMN lead_nurturing_events.email IS
    'Address the email was sent to.';
COMMENT ON COLUMN lead_nurturing_events.step_number IS
    'The template step this email is (1 = first); one email per step of a sequence.';
COMMENT ON COLUMN lead_nurturing_events.subject IS
    'The rendered subject.';
COMMENT ON COLUMN lead_nurturing_events.status IS
    'How the send ended: sent (accepted by the email webhook), failed (gave up after retries; see error), '
    'bounced (the provider reported a bounce), dry_run (simulated, nothing sent).';
COMMENT ON COLUMN lead_nurturing_events.provider_message_id IS
    'The email provider''s message id, when it returned one; provider webhooks are matched on it.';
COMMENT ON COLUMN lead_nurturing_events.sent_at IS
    'When the email was sent (or simulated, for dry_run); null when the send failed.';
COMMENT ON COLUMN lead_nurturing_events.delivered_at IS
    'First time the provider reported delivery.';
COMMENT ON COLUMN lead_nurturing_events.opened_at IS
    'First time the email was opened.';
COMMENT ON COLUMN lead_nurturing_events.clicked_at IS
    'First time a link of the email was clicked.';
COMMENT ON COLUMN lead_nurturing_events.replied_at IS
    'First time the lead replied to the email.';
COMMENT ON COLUMN lead_nurturing_events.bounced_at IS
    'When the provider reported the bounce.';
COMMENT ON COLUMN lead_nurturing_events.open_count IS
    'Open events recorded for this email (repeated provider event ids counted once).';
COMMENT ON COLUMN lead_nurturing_events.click_count IS
    'Click events recorded for this email (repeated provider event ids counted once).';
COMMENT ON COLUMN lead_nurturing_events.reply_count IS
    'Replies recorded for this email (repeated provider event ids counted once).';
COMMENT ON COLUMN lead_nurturing_events.attempts IS
    'Send attempts made (webhook POSTs, retries included).';
COMMENT ON COLUMN lead_nurturing_events.error IS
    'Last send error (failed) or bounce detail (bounced); null otherwise.';
COMMENT ON COLUMN lead_nurturing_events.metadata IS
    'JSON object of additional facts: bounce type, clicked URLs, user agents, provider payload fields...';
COMMENT ON COLUMN lead_nurturing_events.last_event_at IS
    'occurredAt of the last event applied to this row.';


-- -----------------------------------------------------------------------------------------------------
-- lead_nurturing_engagement_summary — one row per sequence, engagement totals (projection)
-- -----------------------------------------------------------------------------------------------------
-- The specification's "actualizado automáticamente": the projection rewrites the row in the same
-- transaction as the events it comes from.

CREATE TABLE IF NOT EXISTS lead_nurturing_engagement_summary (
    sequence_id             bigint       NOT NULL,
    total_emails_sent       integer      NOT NULL DEFAULT 0,
    total_emails_delivered  integer      NOT NULL DEFAULT 0,
    total_emails_opened     integer      NOT NULL DEFAULT 0,
    total_emails_clicked    integer      NOT NULL DEFAULT 0,
    total_emails_replied    integer      NOT NULL DEFAULT 0,
    total_emails_bounced    integer      NOT NULL DEFAULT 0,
    total_opens             integer      NOT NULL DEFAULT 0,
    total_clicks            integer      NOT NULL DEFAULT 0,
    total_replies           integer      NOT NULL DEFAULT 0,
    open_rate               numeric(5,4) NOT NULL DEFAULT 0,
    click_rate              numeric(5,4) NOT NULL DEFAULT 0,
    reply_rate              numeric(5,4) NOT NULL DEFAULT 0,
    engagement_score        integer      NOT NULL DEFAULT 0,
    last_engagement_at      timestamptz,
    last_event_at           timestamptz  NOT NULL,

    CONSTRAINT lead_nurturing_engagement_summary_pkey PRIMARY KEY (sequence_id)
)
-- Room on each page so that the projection's frequent updates, which rarely change an indexed
-- column, stay heap-only (HOT): no index entry is written for them.
WITH (fillfactor = 80);

COMMENT ON TABLE lead_nurturing_engagement_summary IS
    'Engagement totals of one sequence, kept up to date by the projection for fast queries. Projected from '
    'the event log; never written by hand.';
COMMENT ON COLUMN lead_nurturing_engagement_summary.sequence_id IS
    'The sequence summarised (lead_nurturing_sequences.id).';
COMMENT ON COLUMN lead_nurturing_engagement_summary.total_emails_sent IS
    'Emails of the sequence sent to the provider (dry runs and failed sends excluded).';
COMMENT ON COLUMN lead_nurturing_engagement_summary.total_emails_delivered IS
    'Distinct emails reported delivered.';
COMMENT ON COLUMN lead_nurturing_engagement_summary.total_emails_opened IS
    'Distinct emails opened at least once.';
COMMENT ON COLUMN lead_nurturing_engagement_summary.total_emails_clicked IS
    'Distinct emails clicked at least once.';
COMMENT ON COLUMN lead_nurturing_engagement_summary.total_emails_replied IS
    'Distinct emails replied to at least once.';
COMMENT ON COLUMN lead_nurturing_engagement_summary.total_emails_bounced IS
    'Distinct emails that bounced.';
COMMENT ON COLUMN lead_nurturing_engagement_summary.total_opens IS
    'Open events that count for scoring, over the sequence (machine opens, e.g. privacy-proxy prefetches, excluded).';
COMMENT ON COLUMN lead_nurturing_engagement_summary.total_clicks IS
    'Click events that count for scoring, over the sequence.';
COMMENT ON COLUMN lead_nurturing_engagement_summary.total_replies IS
    'Replies that count for scoring, over the sequence.';
COMMENT ON COLUMN lead_nurturing_engagement_summary.open_rate IS
    'total_emails_opened / total_emails_sent, a ratio from 0 to 1 (4 decimals); 0 when none sent.';
COMMENT ON COLUMN lead_nurturing_engagement_summary.click_rate IS
    'total_emails_clicked / total_emails_sent, a ratio from 0 to 1 (4 decimals); 0 when none sent.';
COMMENT ON COLUMN lead_nurturing_engagement_summary.reply_rate IS
    'total_emails_replied / total_emails_sent, a ratio from 0 to 1 (4 decimals); 0 when none sent.';
COMMENT ON COLUMN lead_nurturing_engagement_summary.engagement_score IS
    'Engagement points from total_opens, total_clicks and total_replies (same value as '
    'lead_nurturing_sequences.engagement_score).';
COMMENT ON COLUMN lead_nurturing_engagement_summary.last_engagement_at IS
    'When the lead last opened, clicked or replied in this sequence.';
COMMENT ON COLUMN lead_nurturing_engagement_summary.last_event_at IS
    'occurredAt of the last event applied to this row.';


-- -----------------------------------------------------------------------------------------------------
-- lead_nurturing_suppressions — addresses never to write to again (projection)
-- -----------------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS lead_nurturing_suppressions (
    email          text        NOT NULL,
    reason         text        NOT NULL DEFAULT 'manual',
    source         text,
    sequence_id    bigint,
    suppressed_at  timestamptz NOT NULL DEFAULT now(),
    note           text,

    CONSTRAINT lead_nurturing_suppressions_pkey PRIMARY KEY (email),
    CONSTRAINT lead_nurturing_suppressions_email_lower_case CHECK (email = lower(email)),
    CONSTRAINT lead_nurturing_suppressions_reason_check
        CHECK (reason IN ('bounced', 'unsubscribed', 'complained', 'manual'))
);

-- Added after the first release: brought to existing installs too (each statement is idempotent).
ALTER TABLE lead_nurturing_suppressions ALTER COLUMN reason SET DEFAULT 'manual';
ALTER TABLE lead_nurturing_suppressions ALTER COLUMN suppressed_at SET DEFAULT now();
ALTER TABLE lead_nurturing_suppressions ADD COLUMN IF NOT EXISTS note text;

-- Whoever writes an address (an analyst's INSERT, an operator, the projection), it is kept trimmed
-- and lower-case, the form the service looks addresses up in.
CREATE OR REPLACE FUNCTION lead_nurturing_suppressions_normalize_email()
RETURNS trigger
LANGUAGE plpgsql
AS $function$
BEGIN
    NEW.email := lower(btrim(NEW.email));
    RETURN NEW;
END
$function$;

COMMENT ON FUNCTION lead_nurturing_suppressions_normalize_email() IS
    'Trigger function: stores lead_nurturing_suppressions.email trimmed and lower-case.';

CREATE OR REPLACE TRIGGER lead_nurturing_suppressions_normalize_email
    BEFORE INSERT OR UPDATE OF email ON lead_nurturing_suppressions
    FOR EACH ROW
    EXECUTE FUNCTION lead_nurturing_suppressions_normalize_email();

COMMENT ON TABLE lead_nurturing_suppressions IS
    'The suppression list: addresses never to write to again. Checked at send time for every sequence of '
    'the address (trimmed, case-insensitive), and when enrolling. Written by the projection (hard bounces, '
    'unsubscribes, spam complaints: the first suppression wins), by operators (POST/DELETE /suppressions, '
    'nurture suppress add|remove) and by analysts with plain SQL, e.g. '
    'INSERT INTO lead_nurturing_suppressions (email, note) VALUES (''someone@example.com'', ''asked by phone''). '
    'Not owned by the rebuild: nurture projections rebuild never deletes or rewrites a row of it.';
COMMENT ON COLUMN lead_nurturing_suppressions.email IS
    'The suppressed address, trimmed and lower-case (a trigger normalises what is inserted).';
COMMENT ON COLUMN lead_nurturing_suppressions.reason IS
    'bounced (hard bounce), unsubscribed, complained (spam report) or manual (the default: an operator or analyst).';
COMMENT ON COLUMN lead_nurturing_suppressions.source IS
    'Who reported it: sequence (an event of the sequence in sequence_id: the webhook, a provider or the '
    'engagement API), operator (HTTP or CLI), or null/anything an analyst writes.';
COMMENT ON COLUMN lead_nurturing_suppressions.sequence_id IS
    'The sequence whose email caused the suppression; null when suppressed outside a sequence.';
COMMENT ON COLUMN lead_nurturing_suppressions.suppressed_at IS
    'occurredAt of the event that suppressed the address, or when an operator or analyst added it (default now()).';
COMMENT ON COLUMN lead_nurturing_suppressions.note IS
    'Free text from the operator or analyst who added it (why); null for suppressions from events.';


-- -----------------------------------------------------------------------------------------------------
-- nurture_projection_checkpoints — how far each projection has read the event log
-- -----------------------------------------------------------------------------------------------------

CREATE TABLE IF NOT EXISTS nurture_projection_checkpoints (
    name             text        NOT NULL,
    transaction_id   xid8        NOT NULL DEFAULT '0'::xid8,
    global_position  bigint      NOT NULL DEFAULT 0,
    updated_at       timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT nurture_projection_checkpoints_pkey PRIMARY KEY (name)
);

COMMENT ON TABLE nurture_projection_checkpoints IS
    'One row per projection: the position in the global event log (ordered by transaction_id, '
    'global_position) of the last event it applied, saved in the same transaction as its rows.';
COMMENT ON COLUMN nurture_projection_checkpoints.name IS
    'The projection''s name (a rebuild uses its own, temporary name).';
COMMENT ON COLUMN nurture_projection_checkpoints.transaction_id IS
    'Transaction id (es_events.transaction_id) of the last event applied; 0 = nothing applied yet.';
COMMENT ON COLUMN nurture_projection_checkpoints.global_position IS
    'Global position (es_events.global_position) of the last event applied; 0 = nothing applied yet.';
COMMENT ON COLUMN nurture_projection_checkpoints.updated_at IS
    'Wall-clock time of the last save (operational information only; nothing is derived from it).';


-- -----------------------------------------------------------------------------------------------------
-- mv_nurturing_conversion_metrics — daily conversion metrics (materialized)
-- -----------------------------------------------------------------------------------------------------
-- One row per UTC day on which sequences started; each row describes that day's cohort of sequences as
-- it stands at the last refresh (a cohort keeps converting after its day). Refreshed by the pipeline:
--
--     REFRESH MATERIALIZED VIEW CONCURRENTLY mv_nurturing_conversion_metrics;
--
-- (CONCURRENTLY needs the unique index below). Rates are percentages with 2 decimals.

CREATE MATERIALIZED VIEW IF NOT EXISTS mv_nurturing_conversion_metrics AS
WITH cohort AS (
    -- Every sequence, with the UTC day it started.
    SELECT s.id,
           (s.started_at AT TIME ZONE 'UTC')::date AS day,
           s.started_at,
           s.qualified_at
    FROM lead_nurturing_sequences s
),
sent_emails AS (
    -- Per sequence: its emails whose send succeeded, and how many of those were opened, clicked, replied.
    SELECT e.sequence_id,
           count(*)                                      AS sent,
           count(*) FILTER (WHERE e.opened_at  IS NOT NULL) AS opened,
           count(*) FILTER (WHERE e.clicked_at IS NOT NULL) AS clicked,
           count(*) FILTER (WHERE e.replied_at IS NOT NULL) AS replied
    FROM lead_nurturing_events e
    WHERE e.status = 'sent'
    GROUP BY e.sequence_id
)
SELECT
    -- date: the UTC calendar day the cohort's sequences started.
    c.day AS date,
    -- total_sequences_started: sequences started that day.
    count(*)::integer AS total_sequences_started,
    -- leads_qualified: sequences of the cohort whose lead has qualified so far (qualified_at set).
    count(c.qualified_at)::integer AS leads_qualified,
    -- conversion_rate_pct: 100 * leads_qualified / total_sequences_started.
    round(100.0 * count(c.qualified_at) / count(*), 2)::numeric(5,2) AS conversion_rate_pct,
    -- emails_sent: the cohort's emails with status 'sent' (failed, bounced, dry_run excluded).
    coalesce(sum(m.sent), 0)::integer AS emails_sent,
    -- open_rate_pct: 100 * emails opened at least once / emails_sent; 0 when none sent.
    CASE WHEN coalesce(sum(m.sent), 0) = 0 THEN 0
         ELSE round(100.0 * sum(m.opened) / sum(m.sent), 2)
    END::numeric(5,2) AS open_rate_pct,
    -- click_rate_pct: 100 * emails clicked at least once / emails_sent; 0 when none sent.
    CASE WHEN coalesce(sum(m.sent), 0) = 0 THEN 0
         ELSE round(100.0 * sum(m.clicked) / sum(m.sent), 2)
    END::numeric(5,2) AS click_rate_pct,
    -- reply_rate_pct: 100 * emails replied to at least once / emails_sent; 0 when none sent.
    CASE WHEN coalesce(sum(m.sent), 0) = 0 THEN 0
         ELSE round(100.0 * sum(m.replied) / sum(m.sent), 2)
    END::numeric(5,2) AS reply_rate_pct,
    -- avg_days_to_qualify: average of (qualified_at - started_at) in days over the cohort's qualified
    -- sequences; null when none qualified.
    round(avg(extract(epoch FROM c.qualified_at - c.started_at) / 86400), 2)::numeric(10,2) AS avg_days_to_qualify
FROM cohort c
LEFT JOIN sent_emails m ON m.sequence_id = c.id
GROUP BY c.day
WITH DATA;

-- One row per day: lets the pipeline refresh CONCURRENTLY (readers are never blocked).
CREATE UNIQUE INDEX IF NOT EXISTS mv_nurturing_conversion_metrics_date_key
    ON mv_nurturing_conversion_metrics (date);

COMMENT ON MATERIALIZED VIEW mv_nurturing_conversion_metrics IS
    'Daily conversion metrics: one row per UTC day, describing the cohort of sequences started that day as '
    'of the last REFRESH MATERIALIZED VIEW CONCURRENTLY.';
COMMENT ON COLUMN mv_nurturing_conversion_metrics.date IS
    'The UTC calendar day the cohort''s sequences started.';
COMMENT ON COLUMN mv_nurturing_conversion_metrics.total_sequences_started IS
    'Sequences started that day.';
COMMENT ON COLUMN mv_nurturing_conversion_metrics.leads_qualified IS
    'Sequences of the cohort whose lead has qualified so far (qualified_at set).';
COMMENT ON COLUMN mv_nurturing_conversion_metrics.conversion_rate_pct IS
    '100 * leads_qualified / total_sequences_started, 2 decimals.';
COMMENT ON COLUMN mv_nurturing_conversion_metrics.emails_sent IS
    'The cohort''s emails with status ''sent'' (failed, bounced and dry_run excluded).';
COMMENT ON COLUMN mv_nurturing_conversion_metrics.open_rate_pct IS
    '100 * the cohort''s sent emails opened at least once / emails_sent, 2 decimals; 0 when none sent.';
COMMENT ON COLUMN mv_nurturing_conversion_metrics.click_rate_pct IS
    '100 * the cohort''s sent emails clicked at least once / emails_sent, 2 decimals; 0 when none sent.';
COMMENT ON COLUMN mv_nurturing_conversion_metrics.reply_rate_pct IS
    '100 * the cohort''s sent emails replied to at least once / emails_sent, 2 decimals; 0 when none sent.';
COMMENT ON COLUMN mv_nurturing_conversion_metrics.avg_days_to_qualify IS
    'Average of (qualified_at - started_at) in days over the cohort''s qualified sequences, 2 decimals; '
    'null when none qualified.';

-- ---------------------------------------------------------------------------------------------
-- lead_nurturing_runs: one row per pipeline run, with its per-step report.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS lead_nurturing_runs (
    run_id      text        PRIMARY KEY,
    as_of       timestamptz NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    status      text        NOT NULL CONSTRAINT lead_nurturing_runs_status_check
                            CHECK (status IN ('succeeded', 'failed', 'skipped')),
    dry_run     boolean     NOT NULL,
    parameters  jsonb       NOT NULL,
    steps       jsonb       NOT NULL,
    warnings    jsonb       NOT NULL DEFAULT '[]'
);

-- Added after the first release.
ALTER TABLE lead_nurturing_runs ADD COLUMN IF NOT EXISTS warnings jsonb NOT NULL DEFAULT '[]';

CREATE INDEX IF NOT EXISTS lead_nurturing_runs_started_at_idx ON lead_nurturing_runs (started_at DESC);

COMMENT ON TABLE lead_nurturing_runs IS
    'One row per pipeline run (nurture run, the scheduler, or an HTTP trigger) with its per-step report.';
COMMENT ON COLUMN lead_nurturing_runs.run_id IS 'The run''s id (run_<UTC timestamp>_<random>); also stored in the metadata of every event the run appended.';
COMMENT ON COLUMN lead_nurturing_runs.as_of IS 'The instant the run evaluated its time rules against (the 90-day window, due sends, auto-pause): now, or --now for simulations and backfills.';
COMMENT ON COLUMN lead_nurturing_runs.started_at IS 'Wall-clock time the run started.';
COMMENT ON COLUMN lead_nurturing_runs.finished_at IS 'Wall-clock time the run ended.';
COMMENT ON COLUMN lead_nurturing_runs.status IS 'succeeded (every step ran), failed (a step raised an error; see steps), skipped (another run held the lock).';
COMMENT ON COLUMN lead_nurturing_runs.dry_run IS 'True when the run rendered and recorded its emails (status dry_run) without POSTing them.';
COMMENT ON COLUMN lead_nurturing_runs.parameters IS 'The parameters in force, with webhook URLs reduced to their origin (their paths carry secrets).';
COMMENT ON COLUMN lead_nurturing_runs.steps IS 'Per step, in order: {step, status, durationMs, counts, errors, notes}.';
COMMENT ON COLUMN lead_nurturing_runs.warnings IS 'About the run as a whole, one line each: e.g. that it sent for real while NURTURE_PUBLIC_URL was unset or local (dead unsubscribe links).';

-- Engagement webhooks match a recipient to its latest sequence case-insensitively.
CREATE INDEX IF NOT EXISTS lead_nurturing_sequences_lower_email_idx ON lead_nurturing_sequences (lower(email));

-- ---------------------------------------------------------------------------------------------
-- lead_nurturing_unmatched_events: engagement reported for an address or sequence we do not know.
-- Acknowledged to the provider (so it does not retry forever), kept here for a human to look at.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS lead_nurturing_unmatched_events (
    id                  bigint      GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    source              text        NOT NULL,
    provider_event_id   text        NOT NULL,
    event_type          text        NOT NULL,
    email               text,
    sequence_id         bigint,
    provider_message_id text,
    occurred_at         timestamptz NOT NULL,
    received_at         timestamptz NOT NULL DEFAULT now(),
    reason              text        NOT NULL,
    metadata            jsonb       NOT NULL DEFAULT '{}',
    CONSTRAINT lead_nurturing_unmatched_events_source_event_key UNIQUE (source, provider_event_id)
);

CREATE INDEX IF NOT EXISTS lead_nurturing_unmatched_events_received_idx ON lead_nurturing_unmatched_events (received_at DESC);

-- Parked, not final: an event can arrive before what it refers to is projected (a bounce while its
-- send is in flight, a reply to a message sent a moment ago). Later passes match parked events again
-- for unmatched_retry_days (default 7) before they expire. Added after the first release.
ALTER TABLE lead_nurturing_unmatched_events ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'parked';
ALTER TABLE lead_nurturing_unmatched_events ADD COLUMN IF NOT EXISTS report jsonb;
ALTER TABLE lead_nurturing_unmatched_events ADD COLUMN IF NOT EXISTS delivery_metadata jsonb;
ALTER TABLE lead_nurturing_unmatched_events ADD COLUMN IF NOT EXISTS attempts integer NOT NULL DEFAULT 1;
ALTER TABLE lead_nurturing_unmatched_events ADD COLUMN IF NOT EXISTS last_attempt_at timestamptz;
ALTER TABLE lead_nurturing_unmatched_events ADD COLUMN IF NOT EXISTS resolved_at timestamptz;
ALTER TABLE lead_nurturing_unmatched_events ADD COLUMN IF NOT EXISTS resolution text;

DO $unmatched_status$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'lead_nurturing_unmatched_events_status_check') THEN
        ALTER TABLE lead_nurturing_unmatched_events ADD CONSTRAINT lead_nurturing_unmatched_events_status_check
            CHECK (status IN ('parked', 'matched', 'expired'));
    END IF;
END
$unmatched_status$;

-- The re-matching pass reads the parked events, oldest first.
CREATE INDEX IF NOT EXISTS lead_nurturing_unmatched_events_parked_idx
    ON lead_nurturing_unmatched_events (received_at) WHERE status = 'parked';

COMMENT ON TABLE lead_nurturing_unmatched_events IS
    'Engagement events that matched no sequence when they arrived (unknown email, sequence or message id, or one not projected yet): '
    'acknowledged, counted, listed by GET /unmatched-events, and matched again by later passes for unmatched_retry_days before they expire.';
COMMENT ON COLUMN lead_nurturing_unmatched_events.id IS 'Row id, in arrival order.';
COMMENT ON COLUMN lead_nurturing_unmatched_events.source IS 'Who reported it: webhook (the specification''s format), sendgrid, mailgun, postmark, ses, resend, inbound.';
COMMENT ON COLUMN lead_nurturing_unmatched_events.provider_event_id IS 'The provider''s id of the event; a repeat is ignored.';
COMMENT ON COLUMN lead_nurturing_unmatched_events.event_type IS 'delivered, opened, clicked, replied, bounced, unsubscribed or complained.';
COMMENT ON COLUMN lead_nurturing_unmatched_events.email IS 'The recipient address the provider gave, if any.';
COMMENT ON COLUMN lead_nurturing_unmatched_events.sequence_id IS 'The sequence id the event claimed, if any (not one we know).';
COMMENT ON COLUMN lead_nurturing_unmatched_events.provider_message_id IS 'The provider''s message id the event referred to, if any.';
COMMENT ON COLUMN lead_nurturing_unmatched_events.occurred_at IS 'When the provider says the event happened.';
COMMENT ON COLUMN lead_nurturing_unmatched_events.received_at IS 'When we received it.';
COMMENT ON COLUMN lead_nurturing_unmatched_events.reason IS 'Why it matched nothing, e.g. "no sequence 999", "no sequence for email x@y".';
COMMENT ON COLUMN lead_nurturing_unmatched_events.metadata IS 'Provider data kept for diagnosis (never message bodies).';
COMMENT ON COLUMN lead_nurturing_unmatched_events.status IS 'parked (matched again on later passes), matched (a later pass found its sequence: see resolution), or expired (still unmatched after unmatched_retry_days: final).';
COMMENT ON COLUMN lead_nurturing_unmatched_events.report IS 'The event as received (normalised), so a later pass can match and record it; null on rows from before re-matching existed (never re-matched).';
COMMENT ON COLUMN lead_nurturing_unmatched_events.delivery_metadata IS 'The receiving request''s metadata (source, request id), kept with the events a later match records.';
COMMENT ON COLUMN lead_nurturing_unmatched_events.attempts IS 'How many times it has been matched (on receipt, then once per re-matching pass).';
COMMENT ON COLUMN lead_nurturing_unmatched_events.last_attempt_at IS 'When a re-matching pass last tried it.';
COMMENT ON COLUMN lead_nurturing_unmatched_events.resolved_at IS 'When it was matched or expired.';
COMMENT ON COLUMN lead_nurturing_unmatched_events.resolution IS 'For matched events: recorded, duplicate (already recorded), or refused: <reason>.';

-- ---------------------------------------------------------------------------------------------
-- nurture_settings: values the service generates once and keeps. Never secrets: those are in
-- nurture_secrets.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS nurture_settings (
    name       text        PRIMARY KEY,
    value      text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE nurture_settings IS 'Values the service generates once and keeps (never secrets: see nurture_secrets).';
COMMENT ON COLUMN nurture_settings.name IS 'The setting''s name.';
COMMENT ON COLUMN nurture_settings.value IS 'Its value.';
COMMENT ON COLUMN nurture_settings.created_at IS 'When it was generated.';

-- ---------------------------------------------------------------------------------------------
-- nurture_secrets: secrets the service generates when none is configured (the unsubscribe-link
-- key while NURTURE_UNSUBSCRIBE_SECRET is not set). Row level security with no policy: only the
-- table's owner (the role that ran the migrations, which the service runs as) and superusers
-- see its rows; a role granted SELECT on every table (an analysts' role) reads none. PUBLIC has
-- no privilege on it.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS nurture_secrets (
    name       text        PRIMARY KEY,
    value      text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE nurture_secrets ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON nurture_secrets FROM PUBLIC;

COMMENT ON TABLE nurture_secrets IS 'Secrets the service generated (readable only by the table''s owner: row level security, no policy).';
COMMENT ON COLUMN nurture_secrets.name IS 'The secret, e.g. unsubscribe_secret (the key of unsubscribe links while NURTURE_UNSUBSCRIBE_SECRET is not set).';
COMMENT ON COLUMN nurture_secrets.value IS 'Its value, random, generated here; configure the environment variable to use your own.';
COMMENT ON COLUMN nurture_secrets.created_at IS 'When it was generated.';

-- Installs before nurture_secrets kept the generated key in nurture_settings, in plain text:
-- it moves here (links already sent keep working) and leaves nurture_settings.
INSERT INTO nurture_secrets (name, value, created_at)
    SELECT name, value, created_at FROM nurture_settings WHERE name = 'unsubscribe_secret'
    ON CONFLICT (name) DO NOTHING;
DELETE FROM nurture_settings WHERE name = 'unsubscribe_secret';

-- ---------------------------------------------------------------------------------------------
-- nurture_webhook_tokens: webhook tokens already used (Mailgun signs only timestamp + token, so
-- a token must not come back with a different event). Kept for a day.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS nurture_webhook_tokens (
    source      text        NOT NULL,
    token       text        NOT NULL,
    body_sha256 text        NOT NULL,
    seen_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source, token)
);

CREATE INDEX IF NOT EXISTS nurture_webhook_tokens_seen_at_idx ON nurture_webhook_tokens (seen_at);

COMMENT ON TABLE nurture_webhook_tokens IS 'Webhook tokens already used, so a signed token cannot be replayed with another event.';
COMMENT ON COLUMN nurture_webhook_tokens.source IS 'The provider (mailgun).';
COMMENT ON COLUMN nurture_webhook_tokens.token IS 'The token the provider signed.';
COMMENT ON COLUMN nurture_webhook_tokens.body_sha256 IS 'SHA-256 of the request body it came with: the same body again is a retry, another body a replay.';
COMMENT ON COLUMN nurture_webhook_tokens.seen_at IS 'When the token was first seen (rows older than a day are deleted).';

-- ---------------------------------------------------------------------------------------------
-- nurture_gauges: the counts /metrics reports, kept current by their writers so that a scrape
-- reads a handful of rows instead of counting large tables: sequences_by_status by the
-- projection (in the transaction that writes the sequences), unmatched_events by the statement
-- that parks them. `nurture projections rebuild` recomputes both.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS nurture_gauges (
    name  text   NOT NULL,
    label text   NOT NULL DEFAULT '',
    value bigint NOT NULL,
    PRIMARY KEY (name, label)
);

COMMENT ON TABLE nurture_gauges IS 'Counts /metrics reports, maintained with the rows they count (no count(*) per scrape).';
COMMENT ON COLUMN nurture_gauges.name IS 'The gauge: sequences_by_status (label: the status) or unmatched_events (no label).';
COMMENT ON COLUMN nurture_gauges.label IS 'The gauge''s label value, e.g. the sequence status; empty when it has none.';
COMMENT ON COLUMN nurture_gauges.value IS 'The count: lead_nurturing_sequences rows with that status, or lead_nurturing_unmatched_events rows.';

-- The counts of an install made before the gauges (a gauge already there is current).
INSERT INTO nurture_gauges (name, label, value)
    SELECT 'sequences_by_status', status, count(*) FROM lead_nurturing_sequences GROUP BY status
    ON CONFLICT (name, label) DO NOTHING;
INSERT INTO nurture_gauges (name, label, value)
    SELECT 'unmatched_events', '', count(*) FROM lead_nurturing_unmatched_events
    ON CONFLICT (name, label) DO NOTHING;

-- ---------------------------------------------------------------------------------------------
-- The weekly and monthly reports: their cohorts are the sequences started in the period, and
-- their step ranking reads the emails sent in it (lead_nurturing_events_status_sent_at_idx).
-- ---------------------------------------------------------------------------------------------
CREATE INDEX IF NOT EXISTS lead_nurturing_sequences_started_at_idx ON lead_nurturing_sequences (started_at);

-- lead_nurturing_reports: one row per generated report (`nurture report`, the scheduler), with its
-- files. Written by the report generator, not by the projections: a rebuild keeps it.
CREATE TABLE IF NOT EXISTS lead_nurturing_reports (
    id           text        PRIMARY KEY,
    kind         text        NOT NULL CONSTRAINT lead_nurturing_reports_kind_check CHECK (kind IN ('weekly', 'monthly')),
    label        text        NOT NULL,
    period_start timestamptz NOT NULL,
    period_end   timestamptz NOT NULL,
    generated_at timestamptz NOT NULL,
    report       jsonb       NOT NULL,
    files        jsonb       NOT NULL
);

CREATE INDEX IF NOT EXISTS lead_nurturing_reports_kind_period_start_idx ON lead_nurturing_reports (kind, period_start DESC);

COMMENT ON TABLE lead_nurturing_reports IS 'Weekly and monthly reports as generated (figures, definitions, the SQL run) and their files; a report generated again for its period replaces the row. Not rebuilt from the event log.';
COMMENT ON COLUMN lead_nurturing_reports.id IS 'The report''s id: <kind>-<label>, e.g. weekly-2026-W48, monthly-2026-11.';
COMMENT ON COLUMN lead_nurturing_reports.kind IS 'weekly (an ISO week, Monday 00:00 UTC to Monday) or monthly (a calendar month, UTC).';
COMMENT ON COLUMN lead_nurturing_reports.label IS 'The period: 2026-W48 (ISO week) or 2026-11 (month).';
COMMENT ON COLUMN lead_nurturing_reports.period_start IS 'First instant of the period (inclusive, UTC midnight).';
COMMENT ON COLUMN lead_nurturing_reports.period_end IS 'End of the period (exclusive): the next period''s start.';
COMMENT ON COLUMN lead_nurturing_reports.generated_at IS 'When the report was computed; its figures are the read side as of then.';
COMMENT ON COLUMN lead_nurturing_reports.report IS 'The report object (summary, daily, top_templates, top_steps, trends, definitions, sql) as JSON.';
COMMENT ON COLUMN lead_nurturing_reports.files IS 'JSON array of its files: [{name, contentType, body}] (CSV, JSON, HTML).';

-- ---------------------------------------------------------------------------------------------
-- The live dashboard. Its funnel's email counts are gauges too (emails_by_outcome, label sent,
-- delivered, opened, clicked or replied: the sums of lead_nurturing_engagement_summary's
-- total_emails_<label>), moved by the projection with the summaries it writes.
-- ---------------------------------------------------------------------------------------------
INSERT INTO nurture_gauges (name, label, value)
    SELECT 'emails_by_outcome', o.label, o.value
      FROM (SELECT coalesce(sum(total_emails_sent), 0) AS sent, coalesce(sum(total_emails_delivered), 0) AS delivered,
                   coalesce(sum(total_emails_opened), 0) AS opened, coalesce(sum(total_emails_clicked), 0) AS clicked,
                   coalesce(sum(total_emails_replied), 0) AS replied
              FROM lead_nurturing_engagement_summary) AS s
     CROSS JOIN LATERAL (VALUES ('sent', s.sent), ('delivered', s.delivered), ('opened', s.opened),
                                ('clicked', s.clicked), ('replied', s.replied)) AS o(label, value)
    ON CONFLICT (name, label) DO NOTHING;

COMMENT ON COLUMN nurture_gauges.name IS 'The gauge: sequences_by_status (label: the status), unmatched_events (no label) or emails_by_outcome (label: sent, delivered, opened, clicked, replied).';
COMMENT ON COLUMN nurture_gauges.value IS 'The count: lead_nurturing_sequences rows with that status, lead_nurturing_unmatched_events rows, or the sum of lead_nurturing_engagement_summary.total_emails_<label>.';

-- Where "what is due next" reads: the active sequences by next send (the partial index keeps it
-- small: finished sequences are most of the table at scale).
CREATE INDEX IF NOT EXISTS lead_nurturing_sequences_due_idx
    ON lead_nurturing_sequences (next_send_at, id) WHERE status = 'active';

-- nurture_dashboard_signouts: dashboard sessions ended by sign-out before their expiry. A session
-- cookie is signed, not stored; one named here is refused on every instance until it expires.
CREATE TABLE IF NOT EXISTS nurture_dashboard_signouts (
    session_id text        PRIMARY KEY,
    expires_at timestamptz NOT NULL
);

-- Each sign-out deletes a few rows already past their expiry, found by this index.
CREATE INDEX IF NOT EXISTS nurture_dashboard_signouts_expires_at_idx ON nurture_dashboard_signouts (expires_at);

COMMENT ON TABLE nurture_dashboard_signouts IS 'Dashboard sessions signed out before they expired: refused until expires_at (rows past it are deleted).';
COMMENT ON COLUMN nurture_dashboard_signouts.session_id IS 'The random id the session cookie carries.';
COMMENT ON COLUMN nurture_dashboard_signouts.expires_at IS 'When the session would have expired anyway.';

-- The size of the suppression list, a gauge too (suppressions, no label), kept by triggers on the
-- table: besides the projection and the API, operators and analysts write it with plain SQL. The
-- function runs as its owner, so a role that may write the list need not write nurture_gauges.
INSERT INTO nurture_gauges (name, label, value)
    SELECT 'suppressions', '', count(*) FROM lead_nurturing_suppressions
    ON CONFLICT (name, label) DO NOTHING;
COMMENT ON COLUMN nurture_gauges.name IS 'The gauge: sequences_by_status (label: the status), unmatched_events and suppressions (no label), or emails_by_outcome (label: sent, delivered, opened, clicked, replied).';

CREATE OR REPLACE FUNCTION nurture_count_suppressions() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $function$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO nurture_gauges (name, label, value)
            SELECT 'suppressions', '', count(*) FROM added_rows HAVING count(*) > 0
            ON CONFLICT (name, label) DO UPDATE SET value = nurture_gauges.value + EXCLUDED.value;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE nurture_gauges SET value = value - (SELECT count(*) FROM removed_rows)
         WHERE name = 'suppressions' AND label = '';
    ELSE
        UPDATE nurture_gauges SET value = 0 WHERE name = 'suppressions' AND label = '';
    END IF;
    RETURN NULL;
END
$function$;

DROP TRIGGER IF EXISTS lead_nurturing_suppressions_counted_on_insert ON lead_nurturing_suppressions;
CREATE TRIGGER lead_nurturing_suppressions_counted_on_insert AFTER INSERT ON lead_nurturing_suppressions
    REFERENCING NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION nurture_count_suppressions();
DROP TRIGGER IF EXISTS lead_nurturing_suppressions_counted_on_delete ON lead_nurturing_suppressions;
CREATE TRIGGER lead_nurturing_suppressions_counted_on_delete AFTER DELETE ON lead_nurturing_suppressions
    REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION nurture_count_suppressions();
DROP TRIGGER IF EXISTS lead_nurturing_suppressions_counted_on_truncate ON lead_nurturing_suppressions;
CREATE TRIGGER lead_nurturing_suppressions_counted_on_truncate AFTER TRUNCATE ON lead_nurturing_suppressions
    FOR EACH STATEMENT EXECUTE FUNCTION nurture_count_suppressions();

-- The dashboard's latest additions to the suppression list.
CREATE INDEX IF NOT EXISTS lead_nurturing_suppressions_suppressed_at_idx ON lead_nurturing_suppressions (suppressed_at, email);
