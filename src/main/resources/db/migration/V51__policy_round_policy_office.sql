-- Every row carries its office (several offices may share one installation): the policies of a round too.
alter table policy_round_policy add column office_code varchar(20);
update policy_round_policy set office_code = (select r.office_code from policy_round r where r.id = policy_round_policy.round_id);
alter table policy_round_policy alter column office_code set not null;
