-- Every version of the ranking weights (DOMAIN.md "Assessment"), as changed: the published
-- default (version 0) lives in the code. Record time says which version was in force when, so a
-- past ranking can be recomputed with the weights of its day. Rebuilt from the event store at will.
create table ranking_weights_version (
    version    bigint           primary key,
    w          double precision not null,
    a          double precision not null,
    b          double precision not null,
    c          double precision not null,
    reason     text             not null,
    changed_at timestamptz      not null,
    changed_by varchar(100)
);
create index ranking_weights_version_changed_at on ranking_weights_version (changed_at);
