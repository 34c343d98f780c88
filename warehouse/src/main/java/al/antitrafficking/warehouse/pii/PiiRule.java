package al.antitrafficking.warehouse.pii;

/** What a value the guard refuses looked like; reports name the rule and where the value stood, never the value. */
public enum PiiRule {
    PERSONAL_NUMBER("a personal ID number"),
    PHONE_NUMBER("a phone number"),
    EMAIL_ADDRESS("an e-mail address"),
    PERSON_NAME("a person's name");

    private final String described;

    PiiRule(String described) {
        this.described = described;
    }

    /** "personal number", "phone number", ... for messages. */
    public String words() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** "a personal ID number", "a person's name", ... for a message to the person who typed the value. */
    public String described() {
        return described;
    }
}
