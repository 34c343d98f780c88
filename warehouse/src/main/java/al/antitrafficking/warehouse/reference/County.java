package al.antitrafficking.warehouse.reference;

import static java.util.Objects.requireNonNull;

/** A county (qark), keyed by its ISO 3166-2 code, with its census population. */
public record County(String code, String name, String nameEn, long population2011, long population2023) {
    public County {
        requireNonNull(code, "code is null");
        requireNonNull(name, "name is null");
        requireNonNull(nameEn, "nameEn is null");
    }
}
