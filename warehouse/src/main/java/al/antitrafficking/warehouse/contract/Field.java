package al.antitrafficking.warehouse.contract;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One column of a source's contract: its name, kind, whether it must be filled, and for CHOICE its allowed values. */
public record Field(String name, FieldType type, boolean required, List<String> allowed) {
    public Field {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        allowed = List.copyOf(allowed);
        if ((type == FieldType.CHOICE) == allowed.isEmpty()) {
            throw new IllegalArgumentException("Cannot define field " + name + ": allowed values go with CHOICE only");
        }
    }

}
