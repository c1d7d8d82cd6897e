-- What the recurrence watch needs of every issue: who owns it, its category and when it occurred.
create table recurrence_watch (
    issue_id    varchar(64) primary key,
    department  varchar(64),
    category    varchar(32) not null,
    occurred_at timestamptz not null
);
create index recurrence_watch_lookup on recurrence_watch (department, category, occurred_at);
