-- One AES key per data subject (a complainant). Erasure deletes the key: the ciphertext in the
-- events stays and the integrity chain still verifies, but nobody can read the data again.
create table personal_data_key (
    subject_id uuid primary key,
    secret     bytea,
    created_at timestamptz not null default now(),
    erased_at  timestamptz,
    erasure_reason text
);
