package al.antitrafficking.etl.ingest;

/** What became of a file's slice (source × county × month) in a run; every run's report lists them all. */
public enum SliceFate {
    /** Loaded from a file, for a slice the warehouse did not hold. */
    NEW,
    /** Its file is unchanged: carried over from the previous snapshot. */
    CARRIED,
    /** A newer file for the slice was loaded in its place. */
    REPLACED,
    /** A newer file for the slice was refused: the earlier slice stays. */
    KEPT_AFTER_REFUSAL,
    /** Its file is no longer in the incoming folder: the slice stays until replaced or withdrawn. */
    KEPT_WITHOUT_FILE,
    /** The region withdrew the slice with a .withdraw file: it is no longer in the warehouse. */
    WITHDRAWN,
    /** The file was refused and holds no slice. */
    REFUSED;

    boolean holds() {
        return this != WITHDRAWN && this != REFUSED;
    }
}
