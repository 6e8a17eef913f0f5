-- A need in the resident's own words names no project: its assignment has none either.
alter table assignment alter column project_code drop not null;
