-- Anchoring (DOMAIN.md "Anchoring"): the chain head, signed with Ed25519 into periodic
-- checkpoints an outside party can keep (org.duban.query.integrity.CheckpointSigner).
-- Signed message (UTF-8): "duban-checkpoint\n{global_index}\n{head_hash hex}\n{signed_at ISO-8601}".
create table event_checkpoint (
    id           bigserial    primary key,
    global_index bigint       not null,
    head_hash    bytea        not null,
    signed_at    timestamptz  not null,
    signature    bytea        not null,
    key_id       varchar(64)  not null
);
create index event_checkpoint_global_index on event_checkpoint (global_index);

-- The signing key generated on first start when none is configured (duban.integrity.signing-key).
-- Only for development and demos: production configures its own key outside the database.
create table integrity_key (
    key_id      varchar(64)  primary key,
    private_key bytea        not null,
    public_key  bytea        not null,
    created_at  timestamptz  not null default now()
);
