package th.planflow.strategy;

/** Someone named in a record: a Planflow user (userId set) or a person outside it (name only). */
public record Person(String userId, String nameTh) {
}
