-- The office's units (กลุ่มงาน / หน่วย), reference data shared by the duties: who heads each unit
-- (a Camunda user id) receives the unit's tasks.
create table office_unit (
  office_code  varchar(20)  not null,
  code         varchar(32)  not null,
  name_th      varchar(300) not null,
  head_user_id varchar(64),
  sort_order   integer      not null default 0,
  active       boolean      not null default true,
  updated_by   varchar(64),
  updated_at   timestamp,
  primary key (office_code, code)
);
