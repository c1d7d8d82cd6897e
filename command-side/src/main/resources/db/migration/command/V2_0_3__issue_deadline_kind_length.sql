-- EFFECTIVENESS_CHECK is longer than the first steps' names.
alter table issue_deadline alter column kind type varchar(32);
