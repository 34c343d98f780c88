package al.antitrafficking.warehouse.reference;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A municipality (bashki) of the 2015 reform, keyed by its LAU code; otherNames are spellings met in sources. */
public record Municipality(String code, String name, String countyCode, List<String> otherNames) {
    public Municipality {
        requireNonNull(code, "code is null");
        requireNonNull(name, "name is null");
        requireNonNull(countyCode, "countyCode is null");
        otherNames = List.copyOf(otherNames);
    }
}
