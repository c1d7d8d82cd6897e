-- The rules deadlines are counted by, as ADMIN changed them. Shipped data (calendar version 0,
-- the default policy version 0) lives in the code; these tables hold the changes only and, like
-- every read model, are rebuilt from the event store at will.

-- Every change of a working-day calendar, in version order: folded onto the shipped calendar it
-- gives the days in force.
create table calendar_day_change (
    calendar_id varchar(64) not null,
    version     bigint      not null,
    day         date        not null,
    kind        varchar(16) not null,
    name        text,
    changed_at  timestamptz not null,
    changed_by  varchar(100),
    primary key (calendar_id, version)
);
create index calendar_day_change_day on calendar_day_change (calendar_id, day);

-- Every version of the deadline policy, the whole policy as a document.
create table deadline_policy_version (
    policy_id  varchar(64)  not null,
    version    bigint       not null,
    spec       jsonb        not null,
    changed_at timestamptz  not null,
    changed_by varchar(100),
    primary key (policy_id, version)
);
