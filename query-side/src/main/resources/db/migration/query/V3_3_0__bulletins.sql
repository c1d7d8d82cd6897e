-- Bulletins (通报) as the bulletin view shows them: drafts and published notices, their entries,
-- and the titles of the issues they may name (fed by IssueRaised; the ledger's tables are
-- private to the ledger). Rebuilt from the event store at will.

create table bulletin (
    bulletin_id  varchar(64)  primary key,
    title        text         not null,
    period       varchar(7)   not null,
    status       varchar(16)  not null,
    version      bigint       not null,
    drafted_at   timestamptz  not null,
    drafted_by   varchar(100),
    published_at timestamptz,
    published_by varchar(100)
);
create index bulletin_period on bulletin (period, drafted_at desc);

create table bulletin_entry (
    bulletin_id varchar(64)  not null references bulletin (bulletin_id) on delete cascade,
    position    bigint       not null,
    entry_id    varchar(64)  not null,
    issue_id    varchar(64)  not null,
    kind        varchar(16)  not null,
    department  varchar(64),
    text        text         not null,
    primary key (bulletin_id, position)
);

create table bulletin_issue_title (
    issue_id varchar(64) primary key,
    title    text        not null
);
