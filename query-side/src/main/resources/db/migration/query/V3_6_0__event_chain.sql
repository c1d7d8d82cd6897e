-- The integrity chain (ARCHITECTURE.md "Integrity"): for each row of domain_event_entry, in
-- global order, hash = SHA-256(previous hash ‖ canonical bytes of the row as stored), the first
-- predecessor being 32 zero bytes (org.duban.query.integrity.CanonicalEvent). Written by one
-- node at a time (EventChainMaintainer, under a transaction-scoped advisory lock), only appended.
-- Indexes the event store skipped (rolled-back transactions) are simply absent here.
create table event_chain (
    global_index     bigint       primary key,
    event_identifier varchar(255) not null,
    hash             bytea        not null,
    chained_at       timestamptz  not null default now()
);
