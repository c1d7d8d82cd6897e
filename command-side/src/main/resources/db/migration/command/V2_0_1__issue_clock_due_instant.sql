-- Emergencies are due at an instant (hours), not at the end of a day.
alter table issue_clock add column due_at timestamptz;
