-- Which version of the month's menu the items are: a later version replaces them, an earlier one not.
alter table menu_item add column version integer not null default 1;
