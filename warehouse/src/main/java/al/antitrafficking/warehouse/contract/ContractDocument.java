package al.antitrafficking.warehouse.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Renders the data contract as the document a regional data clerk reads ({@code docs/data-contract.md}):
 * how to name and send a file, and per source every column with its type, allowed values, whether it is
 * required, an example, and what happens when it is broken. Run as a command to write the document; a
 * test checks the committed document matches the contract.
 */
public final class ContractDocument {
    private ContractDocument() {}

    public static String render(DataContract contract) {
        StringBuilder s = new StringBuilder();
        s.append("# Data contract ").append(contract.version()).append(": what the regions send\n\n");
        s.append("Generated from `conf/contract/").append(contract.version()).append(".csv` by `ContractDocument`; do not edit by hand.\n\n");
        s.append("""
                ## Sending a file

                - One file per **source × county × month**, named `<source>_<county code>_<yyyy-MM>.csv` (or `.xlsx`),
                  for example `border_AL-07_2025-03.csv`. Sources: `border`, `cpu`, `nrm`, `services`.
                  County codes: AL-01 Berat … AL-12 Vlorë.
                - The first line (or the first row of the first sheet) names the columns below, in any order. No other
                  columns: a column outside the contract refuses the file, since it could carry a name.
                - CSV in UTF-8 (with or without byte-order mark) or Windows-1250, separated by commas or semicolons. A file
                  holding UTF-8 letters (ë, ç) is read as UTF-8, and a byte that is not UTF-8 in it refuses the file
                  (`INVALID_UTF8`, naming the line): save it again as UTF-8. A value may hold a line break if it is
                  quoted; rows are counted and numbered as records, not lines.
                - A file may not be larger than `etl.max-file-bytes` (32 MiB) nor have a row of more than
                  `etl.max-row-fields` (1,000) fields (`TOO_BIG`, `ROW_TOO_WIDE`); a file for a month after the current
                  one is refused (`FUTURE_MONTH`), and so is a month before 2000-01 (`BAD_FILE_NAME`). A workbook holds
                  one sheet: a second sheet would go unchecked, so it refuses the file (`WORKBOOK_SHEETS`). Whatever is
                  wrong with one file refuses that file only.
                - Data clerks may send their county's files through the portal instead (page *Dërgo skedarët*): the
                  same rules, checked at once, with a receipt for each file.
                - A month with no cases: send the file with the header line only (a nil return). Sending nothing means
                  the month is **not reported**, which is not the same as zero.
                - Sending a file again for the same source, county and month replaces the earlier one whole once it is
                  loaded. If the new file is refused, the earlier one stays (the report says so). Removing a file from
                  the incoming folder does not remove its month from the warehouse.
                - **Withdrawing a month**: put an empty file named `<source>_<county code>_<yyyy-MM>.withdraw` (for example
                  `border_AL-07_2025-03.withdraw`) in the incoming folder, with no data file for that month. The next run
                  takes the month out of the warehouse and reports it as withdrawn; the month then counts as not
                  reported. To send the month again later, remove the `.withdraw` file and send the data file.
                - **No names, personal numbers, addresses, phone numbers or e-mail addresses**, in any column. A child is
                  known only by the pseudonym the pseudonym tool computes in the region. A file holding a value that
                  looks like a personal number, a phone number, an e-mail address or a person's name is refused whole;
                  the report names the column and row, never the value. Record ids are stored only keyed with the
                  warehouse's key, like pseudonyms. A file whose name breaks the naming rule is listed under a label,
                  never under its name.

                ## What happens to a broken value

                A row that breaks a rule is kept out of the tables and listed in the quarantine with its file, row
                number, column and rule (never its value). If more than the configured share of a file's rows
                (`etl.max-bad-row-share`, 20% by default) are broken, the whole file is refused. Every file's outcome
                (loaded, nil return, refused with the reason; rows in, loaded, quarantined) is in the ingestion report.

                | type | rule | when broken |
                |---|---|---|
                | ID | letters, digits, `.`, `_`, `-`; at most 64 characters; unique within the file | `BAD_ID`; a repeated id quarantines every row with it (`DUPLICATE_ID`) |
                | PSEUDONYM | 64 hexadecimal characters, from the pseudonym tool | `BAD_PSEUDONYM` |
                | DATE | `yyyy-MM-dd`, a real day; the file's event date must fall in the file's month; follow-up dates not before it | `BAD_DATE`, `DATE_OUTSIDE_MONTH`, `DATE_ORDER` |
                | AGE | whole years 0-120, or a band `0-5`, `6-11`, `12-14`, `15-17`, `18+` | `BAD_AGE` |
                | CHOICE | one of the listed values (upper or lower case) | `NOT_ALLOWED_VALUE` |
                | MUNICIPALITY | one of the 61 municipalities, by LAU code or name (without diacritics is fine; former commune names are mapped); in the file's county | `UNKNOWN_MUNICIPALITY`, `OUTSIDE_COUNTY` |
                | CROSSING | a crossing code from the list of crossings, in the file's county | `UNKNOWN_CROSSING`, `CROSSING_WITHOUT_COUNTY`, `OUTSIDE_COUNTY` |
                | COUNTRY | ISO 3166-1 alpha-2 (XK for Kosovo), from `conf/reference/countries.csv`: not `UK`, `EL` or `ZZ` | `BAD_COUNTRY` |
                | COUNTY | ISO 3166-2 code or name; the file's county | `UNKNOWN_COUNTY`, `OUTSIDE_COUNTY` |

                A required column left empty is `MISSING_VALUE`; a row with more or fewer fields than the header is
                `MALFORMED_ROW`; an Excel formula cell saved without its computed value is `FORMULA_WITHOUT_VALUE` (never
                read as 0).

                """);
        for (Source source : Source.values()) {
            s.append("## `").append(source.code()).append("`: one row per ")
                    .append(switch (source) {
                        case BORDER -> "encounter of the Border Police with a child";
                        case CPU -> "Child Protection Unit case";
                        case NRM -> "identification of a (potential) victim of trafficking by the NRM";
                        case SERVICES -> "service given to a child";
                    }).append("\n\n");
            s.append("| column | type | required | allowed values | example | meaning |\n|---|---|---|---|---|---|\n");
            for (DataContract.Documented d : contract.documented(source)) {
                Field f = d.field();
                s.append("| `").append(f.name()).append("` | ").append(f.type().name().toLowerCase(Locale.ROOT)).append(" | ")
                        .append(f.required() ? "yes" : "no").append(" | ")
                        .append(f.allowed().isEmpty() ? "" : "`" + String.join("`, `", f.allowed()) + "`").append(" | ")
                        .append(d.example().isEmpty() ? "" : "`" + d.example() + "`").append(" | ")
                        .append(d.description().replace("|", "\\|")).append(" |\n");
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** Writes the document: {@code [contract file] [output file]}, by default conf/contract/v1.csv to docs/data-contract.md. */
    public static void main(String[] args) {
        Path contract = Path.of(args.length > 0 ? args[0] : "conf/contract/v1.csv");
        Path out = Path.of(args.length > 1 ? args[1] : "docs/data-contract.md");
        try {
            Files.writeString(out, render(DataContract.load(contract)), UTF_8);
            System.out.println("Wrote " + out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + out, e);
        }
    }
}
