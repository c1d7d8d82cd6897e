-- Replays of projections (rebuilding a read model into shadow tables, then switching): one row
-- per projection with its latest run. Shared by all query nodes, so a second replay of the same
-- projection is refused cluster-wide, and any node can show the progress. A RUNNING row whose
-- heartbeat stopped (its node died) may be taken over.
create table projection_replay (
    name              varchar(255) primary key,
    run_id            varchar(64)  not null,
    status            varchar(16)  not null,
    node              varchar(255) not null,
    started_at        timestamptz  not null,
    finished_at       timestamptz,
    heartbeat_at      timestamptz  not null,
    position          bigint,
    head              bigint,
    events            bigint       not null default 0,
    events_per_second double precision not null default 0,
    error             text
);
