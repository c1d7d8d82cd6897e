-- Read models of the query side. They are rebuilt from the event store at will; nothing here
-- is a source of truth.

-- The issue ledger (台账): one row per issue, the columns lists filter on, and the whole folded
-- state as a document for the issue page.
create table issue_ledger (
    issue_id         varchar(64) primary key,
    title            text        not null,
    status           varchar(32) not null,
    source           varchar(32) not null,
    category         varchar(32) not null,
    severity         varchar(16) not null,
    owner_department varchar(64),
    departments      text[]      not null default '{}',
    external_ref     varchar(100),
    due_date         date,
    escalation       varchar(16) not null default 'NONE',
    on_hold          boolean     not null default false,
    version          bigint      not null,
    raised_at        timestamptz not null,
    occurred_at      timestamptz not null,
    updated_at       timestamptz not null,
    state            jsonb       not null
);
create index issue_ledger_status on issue_ledger (status);
create index issue_ledger_owner on issue_ledger (owner_department);
create index issue_ledger_departments on issue_ledger using gin (departments);
create index issue_ledger_raised on issue_ledger (raised_at desc, issue_id);
create index issue_ledger_due on issue_ledger (due_date);

-- Every event of every issue in order, for the history view and for point-in-time folds.
create table issue_history (
    issue_id         varchar(64)  not null,
    sequence         bigint       not null,
    event_id         varchar(255) not null,
    event_type       varchar(100) not null,
    recorded_at      timestamptz  not null,
    actor_id         varchar(100),
    actor_role       varchar(32),
    actor_department varchar(64),
    correlation_id   varchar(100),
    loop_stage       varchar(32),
    summary          text         not null,
    payload          jsonb        not null,
    primary key (issue_id, sequence)
);
create index issue_history_recorded on issue_history (issue_id, recorded_at);
