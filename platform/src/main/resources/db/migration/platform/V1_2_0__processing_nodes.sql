-- Which nodes run which streaming processor, refreshed every few seconds (SegmentBalancer).
-- Axon's JDBC token store has no load balancing: the first node to start claims every segment
-- and keeps them. With this heartbeat each node knows how many peers share a processor and
-- releases segments above its fair share, so the others can claim them.
create table processing_node (
    processor_name varchar(255) not null,
    node_id        varchar(255) not null,
    seen_at        timestamptz  not null,
    primary key (processor_name, node_id)
);
