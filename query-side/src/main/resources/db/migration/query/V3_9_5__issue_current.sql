-- The current metrics row of every issue in a narrow table of its own (issue 6 at scale).
-- The dashboards' "now" answers scan every current row of a cohort. In issue_fact those rows are
-- one in ten, scattered among the superseded versions (and carry the working state), so a whole
-- history dashboard read most of the table. issue_current holds exactly issue_fact's current row
-- (same columns, no working state, no known_to): the projection writes both in one transaction,
-- and the as-of answers still read issue_fact.
create table issue_current (
    issue_id             varchar(64) primary key,
    version              bigint      not null,
    known_from           timestamptz not null,
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
    recurrence_flagged   boolean     not null
);
create index issue_current_occurred on issue_current (occurred_at);
create index issue_current_owner on issue_current (owner_department, occurred_at);
-- the wall chart and the overdue ageing read only the open issues
create index issue_current_open on issue_current (owner_department) where status not in ('CLOSED', 'EFFECTIVE', 'WITHDRAWN');

insert into issue_current
select issue_id, version, known_from, title, status, source, category, severity, owner_department, departments,
       external_ref, acknowledge_due_date, acknowledged_at, acknowledged_on_time, due_date, due_at, on_hold, escalation,
       occurred_at, raised_at, closed_at, closed_on_time, reopened, extension_requests, extension_approvals,
       loop_complete, effective, recurrence_flagged
from issue_fact where known_to is null;

-- issue_fact's partial indexes on the current rows served the "now" answers; they read
-- issue_current now, and every index costs the projection a write per event.
drop index issue_fact_current_occurred;
drop index issue_fact_current_owner;
drop index issue_fact_current_raised;
drop index issue_fact_current_departments;
