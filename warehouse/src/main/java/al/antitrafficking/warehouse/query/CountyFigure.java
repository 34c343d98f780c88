package al.antitrafficking.warehouse.query;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.warehouse.disclosure.CellStatus;

/** One county's figure: the value is null unless the status is PUBLISHED. */
public record CountyFigure(String countyCode, String countyName, Long value, CellStatus status) {
    public CountyFigure {
        requireNonNull(countyCode, "countyCode is null");
        requireNonNull(countyName, "countyName is null");
        requireNonNull(status, "status is null");
    }
}
