-- The clock of every open issue, kept by the command side's issue-clock processor: the state it
-- needs (issue_clock) and the steps still to come (issue_deadline), which the deadline poller
-- fires. Both are derived from events and can be rebuilt by replaying them.
create table issue_clock (
    issue_id     varchar(64) primary key,
    status       varchar(32) not null,
    due_date     date        not null,
    on_hold      boolean     not null default false,
    escalation   varchar(16) not null default 'NONE',
    reminded_for date,
    version      bigint      not null
);

create table issue_deadline (
    issue_id       varchar(64)  not null,
    kind           varchar(16)  not null,
    due_date       date         not null,
    fires_at       timestamptz  not null,
    working_days   integer      not null,
    policy_version varchar(100) not null,
    primary key (issue_id, kind)
);
create index issue_deadline_fires_at on issue_deadline (fires_at);
