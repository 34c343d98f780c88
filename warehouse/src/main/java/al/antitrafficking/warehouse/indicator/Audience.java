package al.antitrafficking.warehouse.indicator;

/**
 * Who a result is for. PUBLIC results pass disclosure control; INTERNAL ones (the national coordinator's
 * internal view, once sign-in lets the portal know who asks) do not, and can never be published.
 */
public enum Audience { PUBLIC, INTERNAL }
