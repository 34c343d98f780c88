package al.antitrafficking.warehouse.release;

/** The territory a cell covers: Albania, one county, or one municipality (with its county's rows of no municipality). */
public enum Level { ALBANIA, COUNTY, MUNICIPALITY }
