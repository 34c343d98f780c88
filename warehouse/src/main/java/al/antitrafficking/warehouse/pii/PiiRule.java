package al.antitrafficking.warehouse.pii;

/** What a value that refuses its file looked like; reports name the rule, the column and the row, never the value. */
public enum PiiRule {
    PERSONAL_NUMBER,
    PHONE_NUMBER,
    EMAIL_ADDRESS,
    PERSON_NAME;

    /** "personal number", "phone number", ... for messages. */
    public String words() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
