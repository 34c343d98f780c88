package al.antitrafficking.warehouse.reference;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A border crossing point (land, sea or air) with the project's three-letter code. The county is empty
 * where no source states it; encounters there cannot be placed in a county. {@code nameSq}: the Albanian name
 * (a port's or the airport's; a crossing named after its place has the one name).
 */
public record Crossing(String code, String name, Kind kind, Optional<String> countyCode, Optional<String> neighbourCountry, String nameSq) {
    public enum Kind { LAND, SEA, AIR }

    public Crossing {
        nameSq = nameSq == null || nameSq.isBlank() ? name : nameSq;
        requireNonNull(code, "code is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(countyCode, "countyCode is null");
        requireNonNull(neighbourCountry, "neighbourCountry is null");
    }
}
