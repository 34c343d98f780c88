package al.antitrafficking.warehouse.disclosure;

import java.util.Map;

/**
 * The marks every page, export, return and notebook prints instead of a figure: one for every withheld figure,
 * whatever the reason, and the legend that goes with them.
 */
public final class Marks {
    /** A withheld figure: a small count, or one withheld so that a small count cannot be worked out. */
    public static final String WITHHELD = "x";
    /** Nothing reported for the period and place: unknown, which is not zero. */
    public static final String NOT_REPORTED = "–";
    /** Nothing reported yet, and not yet due. */
    public static final String NOT_YET_DUE = "…";

    private Marks() {}

    /** The mark of a status, or null for a published figure. */
    public static String of(CellStatus status) {
        return switch (status) {
            case PUBLISHED -> null;
            case WITHHELD -> WITHHELD;
            case NOT_REPORTED -> NOT_REPORTED;
            case NOT_YET_DUE -> NOT_YET_DUE;
        };
    }

    /** The legend in each language, for a threshold of {@code minCount}. */
    public static Map<String, String> legend(int minCount) {
        return Map.of(
                "en", WITHHELD + " = withheld to protect children's privacy: a count from 1 to " + (minCount - 1) + ", or a figure from which one "
                        + "could be worked out (shares, rates and medians are withheld with their counts); " + NOT_REPORTED
                        + " = nothing reported (unknown, not zero); " + NOT_YET_DUE + " = not yet due; 0 = the region reported none.",
                "sq", WITHHELD + " = e fshehur për të mbrojtur privatësinë e fëmijëve: një numër nga 1 deri në " + (minCount - 1) + ", ose një shifër "
                        + "nga e cila mund të nxirrej (përqindjet, normat dhe medianat fshihen bashkë me numrat e tyre); " + NOT_REPORTED
                        + " = asgjë e raportuar (e panjohur, jo zero); " + NOT_YET_DUE + " = ende jo në afat; 0 = rajoni nuk raportoi asnjë.");
    }
}
