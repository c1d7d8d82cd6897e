-- The metrics read model (issue 6, 7): a bitemporal fact table of issues and the return visits.
-- issue_fact keeps one row per issue version, valid in record time [known_from, known_to);
-- known_to is null on the current row. "As the system knew it at T" is the row with
-- known_from <= T < known_to (or known_to null): one query answers now and any instant.
create table issue_fact (
    issue_id             varchar(64) not null,
    version              bigint      not null,
    known_from           timestamptz not null,
    known_to             timestamptz,
    title                text        not null,
    status               varchar(32) not null,
    source               varchar(32) not null,
    category             varchar(32) not null,
    severity             varchar(16) not null,
    owner_department     varchar(64),
    departments          text[]      not null default '{}',
    external_ref         varchar(100),
    acknowledge_due_date date,
    acknowledged_at      timestamptz,
    -- judged when acknowledged / closed, in the hospital's zone: null until then
    acknowledged_on_time boolean,
    due_date             date,
    due_at               timestamptz,
    on_hold              boolean     not null,
    escalation           varchar(16) not null,
    occurred_at          timestamptz not null,
    raised_at            timestamptz not null,
    closed_at            timestamptz,
    closed_on_time       boolean,
    reopened             integer     not null,
    extension_requests   integer     not null,
    extension_approvals  integer     not null,
    loop_complete        boolean     not null,
    effective            boolean     not null,
    recurrence_flagged   boolean     not null,
    -- the folded IssueState, kept on the current row only (the projection's working state)
    state                jsonb,
    primary key (issue_id, version)
);
-- The current rows: one per issue, found by id, by business time (cohorts), by owner.
create unique index issue_fact_current on issue_fact (issue_id) where known_to is null;
create index issue_fact_current_occurred on issue_fact (occurred_at) where known_to is null;
create index issue_fact_current_owner on issue_fact (owner_department, occurred_at) where known_to is null;
create index issue_fact_current_raised on issue_fact (raised_at desc, issue_id) where known_to is null;
create index issue_fact_current_departments on issue_fact using gin (departments) where known_to is null;
-- As-of queries: rows known from before T, of which the ones not yet closed at T.
create index issue_fact_known on issue_fact (known_from, known_to);
create index issue_fact_occurred on issue_fact (occurred_at, known_from);

-- One row per return visit (回访), with the issue's owner department when it was recorded.
create table feedback_fact (
    issue_id         varchar(64) not null,
    sequence         bigint      not null,
    recorded_at      timestamptz not null,
    owner_department varchar(64),
    category         varchar(32) not null,
    source           varchar(32) not null,
    contacted        boolean     not null,
    resolved         boolean     not null,
    satisfaction     varchar(32),
    primary key (issue_id, sequence)
);
create index feedback_fact_recorded on feedback_fact (recorded_at);
create index feedback_fact_department on feedback_fact (owner_department, recorded_at);
