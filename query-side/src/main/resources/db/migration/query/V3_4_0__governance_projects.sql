-- Governance projects (主动治理课题): one row per project with its latest state, and its expert
-- reviews and stage reports (with the issues each links) as children. Rebuilt from the event
-- store at will; every row carries the event sequence that wrote it so a replay changes nothing.

create table governance_project (
    project_id         varchar(64)  primary key,
    title              text         not null,
    department         varchar(64)  not null,
    summary            text,
    status             varchar(16)  not null,
    proposed_at        timestamptz  not null,
    proposed_by        varchar(100),
    decision_note      text,
    decided_at         timestamptz,
    problem_precision  integer,
    measure_soundness  integer,
    effect_evidence    integer,
    evaluation_average numeric(5, 2),
    evaluation_note    text,
    evaluated_at       timestamptz,
    award              varchar(16),
    conclusion_note    text,
    concluded_at       timestamptz,
    version            bigint       not null
);

create table governance_project_review (
    project_id  varchar(64)  not null references governance_project (project_id) on delete cascade,
    sequence    bigint       not null,
    reviewer    varchar(100) not null,
    score       integer      not null,
    comment     text,
    reviewed_at timestamptz  not null,
    recorded_by varchar(100),
    primary key (project_id, sequence)
);

create table governance_project_stage (
    project_id  varchar(64)  not null references governance_project (project_id) on delete cascade,
    sequence    bigint       not null,
    summary     text         not null,
    reported_at timestamptz  not null,
    reported_by varchar(100),
    primary key (project_id, sequence)
);

create table governance_project_stage_issue (
    project_id varchar(64) not null,
    sequence   bigint      not null,
    position   integer     not null,
    issue_id   varchar(64) not null,
    primary key (project_id, sequence, position),
    foreign key (project_id, sequence) references governance_project_stage (project_id, sequence) on delete cascade
);
create index governance_project_stage_issue_issue on governance_project_stage_issue (issue_id);
