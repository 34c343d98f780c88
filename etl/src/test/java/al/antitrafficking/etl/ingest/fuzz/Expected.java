package al.antitrafficking.etl.ingest.fuzz;

import java.util.Set;

/**
 * What a mutated file must become, as far as its mutation decides it: the statuses it may end in (empty: any), the
 * problem codes a refusal may carry (empty: any), the records it holds when that is known (null: not known here;
 * the test counts them itself whenever it can decode the file), whether every one of them must load, and the place
 * a refusal's message must name ({@code "line 7"}, {@code "data row 3"}; null: none required by the mutation).
 */
public record Expected(Set<String> statuses, Set<String> problems, Long rowsIn, boolean allRowsLoad, String where) {
    public static final String LOADED = "LOADED";
    public static final String NIL_RETURN = "NIL_RETURN";
    public static final String REJECTED = "REJECTED";

    public Expected {
        statuses = Set.copyOf(statuses);
        problems = Set.copyOf(problems);
    }

    /** Still a valid file: held (loaded, or a nil return when it has no rows) with all {@code rows} loaded. */
    static Expected valid(long rows) {
        return new Expected(Set.of(rows == 0 ? NIL_RETURN : LOADED), Set.of(), rows, true, null);
    }

    /** Any fate; when its records are counted, there are {@code rows} (null: not known). */
    static Expected anyFate(Long rows) {
        return new Expected(Set.of(), Set.of(), rows, false, null);
    }

    /** Either loaded whole with its {@code rows} (a damage that spared every row) or refused for {@code problem}. */
    static Expected wholeOrRefused(long rows, String problem) {
        return new Expected(Set.of(rows == 0 ? NIL_RETURN : LOADED, REJECTED), Set.of(problem), rows, true, null);
    }

    /** Refused, for one of {@code problems} (none given: any), naming {@code where} when given. */
    static Expected refused(String where, String... problems) {
        return new Expected(Set.of(REJECTED), Set.of(problems), null, false, where);
    }
}
