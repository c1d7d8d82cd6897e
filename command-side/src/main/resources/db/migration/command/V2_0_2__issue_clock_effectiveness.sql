-- After closing, the clock has one more step: the effectiveness check (回头看) reminder.
alter table issue_clock add column closed_on date;
alter table issue_clock add column check_reminded boolean not null default false;
