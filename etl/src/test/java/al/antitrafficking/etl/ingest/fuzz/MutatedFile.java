package al.antitrafficking.etl.ingest.fuzz;

import static java.util.Objects.requireNonNull;

/** One file the generator wrote: its name in the incoming folder, the mutation, the base slice it came from, and what it must become. */
public record MutatedFile(String name, Mutation mutation, String base, Expected expected) {
    public MutatedFile {
        requireNonNull(name, "name is null");
        requireNonNull(mutation, "mutation is null");
        requireNonNull(expected, "expected is null");
    }
}
