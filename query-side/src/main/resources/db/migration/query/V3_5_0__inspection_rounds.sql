-- Inspection rounds (督查 / 党建查房): one row per round, its findings, and the progress of the
-- issue each finding raised. Rebuilt from the event store at will; every row carries the event
-- sequence that last wrote it so a replay changes nothing.

create table inspection_round (
    round_id     varchar(64)  primary key,
    title        text         not null,
    kind         varchar(16)  not null,
    planned_date date,
    departments  text[]       not null default '{}',
    closed       boolean      not null default false,
    version      bigint       not null,
    planned_at   timestamptz  not null,
    planned_by   varchar(100)
);
create index inspection_round_planned on inspection_round (planned_at desc, round_id);

create table inspection_finding (
    round_id    varchar(64)  not null references inspection_round (round_id) on delete cascade,
    finding_id  varchar(64)  not null,
    sequence    bigint       not null,
    issue_id    varchar(64)  not null unique,
    title       text         not null,
    category    varchar(32)  not null,
    severity    varchar(16)  not null,
    department  varchar(64),
    step        varchar(16),
    recorded_at timestamptz  not null,
    recorded_by varchar(100),
    primary key (round_id, finding_id)
);
create index inspection_finding_round on inspection_finding (round_id, sequence);

-- The status and owner of each issue a finding raised, kept from the issue's own events.
create table inspection_issue (
    issue_id         varchar(64)  primary key,
    round_id         varchar(64)  not null,
    source           varchar(32)  not null,
    status           varchar(32)  not null,
    owner_department varchar(64),
    version          bigint       not null,
    updated_at       timestamptz  not null
);
create index inspection_issue_round on inspection_issue (round_id);
