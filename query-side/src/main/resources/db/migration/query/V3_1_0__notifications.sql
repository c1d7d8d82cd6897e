-- Notifications (query side). Unlike the other read models, inbox and outbox are not rebuilt
-- on a replay: their rows are keyed by the event that caused them, so replaying the
-- "notifications" processor finds them present and adds nothing. Only notification_issue is
-- cleared and refolded.

-- What the notifications need to know of each issue: whom to tell and what to call it.
create table notification_issue (
    issue_id         varchar(64) primary key,
    title            text        not null,
    raised_by        varchar(100),
    owner_department varchar(64)
);

-- The in-app inbox: one row per event and recipient, addressed to a user or to a department.
-- A department's row is read once for the whole department.
create table notification_inbox (
    id                   bigint generated always as identity primary key,
    dedup_key            varchar(400) not null unique,
    recipient_user       varchar(100),
    recipient_department varchar(64),
    kind                 varchar(32)  not null,
    title                text         not null,
    body                 text         not null,
    issue_id             varchar(64)  not null,
    event_id             varchar(255) not null,
    created_at           timestamptz  not null,
    read_at              timestamptz,
    check ((recipient_user is null) <> (recipient_department is null))
);
create index notification_inbox_user on notification_inbox (recipient_user, created_at desc) where recipient_user is not null;
create index notification_inbox_department on notification_inbox (recipient_department, created_at desc)
    where recipient_department is not null;

-- Messages leaving the system (e-mail, webhooks), written with the event's token and sent by a
-- poller: PENDING until sent (SENT) or given up after too many attempts (DEAD).
create table notification_outbox (
    id              bigint generated always as identity primary key,
    dedup_key       varchar(1200) not null unique,
    channel         varchar(16)   not null check (channel in ('MAIL', 'WEBHOOK')),
    target          varchar(1000) not null,
    subject         text,
    body            text          not null,
    event_type      varchar(100)  not null,
    issue_id        varchar(64)   not null,
    event_id        varchar(255)  not null,
    status          varchar(16)   not null default 'PENDING' check (status in ('PENDING', 'SENT', 'DEAD')),
    attempts        int           not null default 0,
    next_attempt_at timestamptz   not null,
    last_error      text,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    sent_at         timestamptz
);
create index notification_outbox_due on notification_outbox (next_attempt_at) where status = 'PENDING';
create index notification_outbox_dead on notification_outbox (updated_at desc) where status = 'DEAD';
