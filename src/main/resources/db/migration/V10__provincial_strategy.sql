-- Duty 2, provincialStrategy (ประสานการติดตาม ประเมินนโยบายและยุทธศาสตร์การพัฒนาจังหวัดและประเทศ).
-- One office and fiscal year (B.E.) own each row; a restarted year replaces its rows step by step.

-- January: the provincial development plan the office studied.
create table strategy_plan (
  office_code  varchar(20)  not null,
  fiscal_year  integer      not null,
  plan_name_th varchar(500) not null,
  study_note   varchar(4000),
  studied_by   varchar(64),
  studied_at   timestamp    not null,
  primary key (office_code, fiscal_year)
);

-- The strategies / indicators of the plan that concern the office, each with one responsible person (March).
create table strategy_item (
  office_code         varchar(20)    not null,
  fiscal_year         integer        not null,
  code                varchar(20)    not null,
  ord                 integer        not null,
  name_th             varchar(500)   not null,
  target_value        numeric(16, 2) not null,
  unit_th             varchar(100)   not null,
  projects_th         varchar(2000),
  responsible_user_id varchar(64),
  primary key (office_code, fiscal_year, code),
  constraint ck_strategy_item_target check (target_value >= 0)
);

-- February: the province's briefing.
create table strategy_briefing (
  office_code   varchar(20)   not null,
  fiscal_year   integer       not null,
  briefing_date date          not null,
  place_th      varchar(500),
  guidance_th   varchar(4000) not null,
  schedule_th   varchar(2000) not null,
  recorded_by   varchar(64),
  recorded_at   timestamp     not null,
  primary key (office_code, fiscal_year)
);

-- March: the appointment order (คำสั่งแต่งตั้ง); DRAFT until the director approves it.
create table strategy_appointment (
  office_code varchar(20) not null,
  fiscal_year integer     not null,
  order_no    varchar(30) not null,
  order_date  date        not null,
  status      varchar(16) not null,
  prepared_by varchar(64),
  prepared_at timestamp   not null,
  approved_at timestamp,
  primary key (office_code, fiscal_year),
  constraint ck_strategy_appointment_status check (status in ('DRAFT', 'APPROVED'))
);

-- The working group named in the order: a Planflow user or a person outside it (name only).
create table strategy_working_group_member (
  office_code varchar(20)  not null,
  fiscal_year integer      not null,
  ord         integer      not null,
  user_id     varchar(64),
  name_th     varchar(300) not null,
  role_th     varchar(200) not null,
  primary key (office_code, fiscal_year, ord)
);

-- March: the meeting of the working group and the responsible persons.
create table strategy_meeting (
  office_code  varchar(20)    not null,
  fiscal_year  integer        not null,
  meeting_date date           not null,
  agenda_th    varchar(4000)  not null,
  minutes_th   varchar(10000) not null,
  recorded_by  varchar(64),
  recorded_at  timestamp      not null,
  primary key (office_code, fiscal_year)
);

create table strategy_meeting_attendee (
  office_code varchar(20)  not null,
  fiscal_year integer      not null,
  ord         integer      not null,
  user_id     varchar(64),
  name_th     varchar(300) not null,
  primary key (office_code, fiscal_year, ord)
);

-- July: one report per strategy item on the province's form, reviewed by the plan officer.
create table strategy_report (
  office_code    varchar(20)    not null,
  fiscal_year    integer        not null,
  item_code      varchar(20)    not null,
  result_value   numeric(16, 2) not null,
  result_th      varchar(4000)  not null,
  budget_used    numeric(16, 2) not null,
  problems_th    varchar(4000),
  suggestions_th varchar(4000),
  status         varchar(16)    not null,
  late           boolean        not null default false,
  reported_by    varchar(64),
  reported_at    timestamp      not null,
  approved_at    timestamp,
  primary key (office_code, fiscal_year, item_code),
  constraint fk_strategy_report_item foreign key (office_code, fiscal_year, item_code)
    references strategy_item (office_code, fiscal_year, code),
  constraint ck_strategy_report_numbers check (result_value >= 0 and budget_used >= 0),
  constraint ck_strategy_report_status check (status in ('SUBMITTED', 'APPROVED'))
);

-- September: the overall summary for the director, and the director's acknowledgement.
create table strategy_summary (
  office_code         varchar(20)   not null,
  fiscal_year         integer       not null,
  overall_th          varchar(4000) not null,
  problems_th         varchar(4000) not null,
  suggestions_th      varchar(4000),
  summarized_by       varchar(64),
  summarized_at       timestamp     not null,
  acknowledged_by     varchar(64),
  acknowledged_at     timestamp,
  director_comment_th varchar(4000),
  primary key (office_code, fiscal_year)
);
