-- School master data of SPEC §3.6: the school network (เครือข่ายสถานศึกษา) the office follows schools by,
-- OBEC's size class, and whom to call about the school's reports.
alter table school add column network_th varchar(200);
-- SMALL, MEDIUM, LARGE, EXTRA_LARGE: OBEC's size classes by number of pupils (th.planflow.office.SchoolSize)
alter table school add column size_class varchar(16);
alter table school add column contact_name varchar(200);
alter table school add column phone varchar(40);
