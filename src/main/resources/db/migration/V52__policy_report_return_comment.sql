-- The reviewer's reason for returning a report, for the school's report page (read without asking the engine).
alter table policy_report add column return_comment varchar(4000);
