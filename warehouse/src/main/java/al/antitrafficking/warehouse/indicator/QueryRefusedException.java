package al.antitrafficking.warehouse.indicator;

/** A query the layer will not run (unknown indicator, dimension or filter; bad period): a 4xx for the caller. */
public class QueryRefusedException extends RuntimeException {
    public QueryRefusedException(String message) {
        super(message);
    }
}
