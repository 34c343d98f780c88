package al.antitrafficking.warehouse.contract;

/** The kinds of value a contract field holds, each with its own validation rule. */
public enum FieldType {
    /** A record id of the sending system: letters, digits, '.', '_' and '-', at most 64 characters. */
    ID,
    /** The child's pseudonym: 64 hexadecimal characters (an HMAC-SHA256 computed in the region). */
    PSEUDONYM,
    /** A calendar date, yyyy-MM-dd. */
    DATE,
    /** Age in whole years (0-120) or one of the age bands 0-5, 6-11, 12-14, 15-17, 18+. */
    AGE,
    /** One of a fixed list of values, matched without regard to case. */
    CHOICE,
    /** A municipality's LAU code or name, matched leniently. */
    MUNICIPALITY,
    /** A border crossing code from conf/reference/border_crossings.csv. */
    CROSSING,
    /** A country as ISO 3166-1 alpha-2 (XK for Kosovo). */
    COUNTRY,
    /** A county's ISO 3166-2 code or name. */
    COUNTY
}
