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
        sourceTables(s, contract, source -> "one row per " + switch (source) {
            case BORDER -> "encounter of the Border Police with a child";
            case CPU -> "Child Protection Unit case";
            case NRM -> "identification of a (potential) victim of trafficking by the NRM";
            case SERVICES -> "service given to a child";
        }, "| column | type | required | allowed values | example | meaning |", "yes", "no", (source, d) -> d.description());
        return s.toString();
    }

    /**
     * The same document in Albanian ({@code docs/data-contract.sq.md}), the columns' meanings from {@code <version>.sq.csv}
     * beside the contract ({@code descriptions}: source|field to text). Codes, column names and rule names stay as files and
     * reports write them. A column the translation lacks is refused, so the two documents never drift apart.
     */
    public static String renderAlbanian(DataContract contract, java.util.Map<String, String> descriptions) {
        StringBuilder s = new StringBuilder();
        s.append("# Kontrata e të dhënave ").append(contract.version()).append(": çfarë dërgojnë rajonet\n\n");
        s.append("Prodhuar nga `conf/contract/").append(contract.version()).append(".csv` dhe `conf/contract/").append(contract.version())
                .append(".sq.csv` nga `ContractDocument`; mos e ndryshoni me dorë. Versioni anglisht (`docs/data-contract.md`) është "
                        + "referenca; ky e përkthen pa ndryshuar asnjë rregull.\n\n");
        s.append("""
                ## Dërgimi i një skedari

                - Një skedar për çdo **burim × qark × muaj**, i emërtuar `<burimi>_<kodi i qarkut>_<vvvv-MM>.csv` (ose `.xlsx`),
                  për shembull `border_AL-07_2025-03.csv`. Burimet: `border` (Policia Kufitare), `cpu` (Njësitë për Mbrojtjen e
                  Fëmijëve), `nrm` (Mekanizmi Kombëtar i Referimit), `services` (shërbimet). Kodet e qarqeve: AL-01 Berat … AL-12 Vlorë.
                - Rreshti i parë (ose rreshti i parë i fletës së parë) emërton kolonat më poshtë, në çfarëdo rendi. Asnjë kolonë
                  tjetër: një kolonë jashtë kontratës e refuzon skedarin, sepse mund të mbajë një emër.
                - CSV në UTF-8 (me ose pa shenjën e rendit të bajteve) ose Windows-1250, me presje ose pikëpresje ndarëse. Një skedar
                  me shkronja UTF-8 (ë, ç) lexohet si UTF-8, dhe një bajt që nuk është UTF-8 në të e refuzon skedarin
                  (`INVALID_UTF8`, me numrin e rreshtit): ruajeni sërish si UTF-8. Një vlerë mund të ketë kalim rreshti nëse është
                  në thonjëza; rreshtat numërohen si regjistrime, jo si rreshta teksti.
                - Një skedar nuk mund të jetë më i madh se `etl.max-file-bytes` (32 MiB) dhe as të ketë një rresht me më shumë se
                  `etl.max-row-fields` (1 000) fusha (`TOO_BIG`, `ROW_TOO_WIDE`); një skedar për një muaj pas muajit të tanishëm
                  refuzohet (`FUTURE_MONTH`), po ashtu një muaj para 2000-01 (`BAD_FILE_NAME`). Një libër Excel mban një fletë të
                  vetme: një fletë e dytë do të mbetej pa u kontrolluar, prandaj e refuzon skedarin (`WORKBOOK_SHEETS`). Çfarëdo
                  që nuk shkon me një skedar refuzon vetëm atë skedar.
                - Nëpunësit e të dhënave mund t'i dërgojnë skedarët e qarkut të tyre edhe nga portali (faqja *Dërgo skedarët*):
                  me të njëjtat rregulla, të kontrolluara menjëherë, me një dëftesë për çdo skedar.
                - Një muaj pa raste: dërgoni skedarin vetëm me rreshtin e kolonave (një raport bosh). Të mos dërgosh asgjë do të
                  thotë se muaji **nuk është raportuar**, që nuk është e njëjta gjë me zero.
                - Një skedar i dërguar sërish për të njëjtin burim, qark dhe muaj e zëvendëson të mëparshmin të tërin pasi të
                  ngarkohet. Nëse skedari i ri refuzohet, i mëparshmi mbetet (raporti e thotë). Heqja e një skedari nga dosja hyrëse
                  nuk e heq muajin e tij nga depoja.
                - **Tërheqja e një muaji**: vendosni në dosjen hyrëse një skedar bosh me emrin `<burimi>_<kodi i qarkut>_<vvvv-MM>.withdraw`
                  (për shembull `border_AL-07_2025-03.withdraw`), pa skedar të dhënash për atë muaj. Ngarkimi i radhës e heq muajin
                  nga depoja dhe e raporton si të tërhequr; muaji pastaj numërohet si i paraportuar. Për ta dërguar sërish muajin
                  më vonë, hiqni skedarin `.withdraw` dhe dërgoni skedarin e të dhënave.
                - **Asnjë emër, numër personal, adresë, numër telefoni apo adresë e-maili**, në asnjë kolonë. Një fëmijë njihet
                  vetëm nga pseudonimi që mjeti i pseudonimeve llogarit në rajon. Një skedar që mban një vlerë që duket si numër
                  personal, numër telefoni, adresë e-maili ose emër personi refuzohet i tëri; raporti emërton kolonën dhe rreshtin,
                  kurrë vlerën. Identifikuesit e regjistrimeve ruhen vetëm të koduar me çelësin e depos, si pseudonimet. Një skedar
                  emri i të cilit shkel rregullin e emërtimit shënohet me një etiketë, kurrë me emrin e tij.

                ## Çfarë ndodh me një vlerë të gabuar

                Një rresht që shkel një rregull mbahet jashtë tabelave dhe shënohet në karantinë me skedarin, numrin e rreshtit,
                kolonën dhe rregullin (kurrë vlerën). Nëse më shumë se pjesa e caktuar e rreshtave të një skedari
                (`etl.max-bad-row-share`, 20% si parazgjedhje) janë të gabuar, refuzohet i gjithë skedari. Përfundimi i çdo skedari
                (i ngarkuar, raport bosh, i refuzuar me arsyen; rreshta të ardhur, të ngarkuar, në karantinë) është në raportin e
                ngarkimit.

                | lloji | rregulli | kur shkelet |
                |---|---|---|
                | ID | shkronja, shifra, `.`, `_`, `-`; jo më shumë se 64 shenja; i vetëm brenda skedarit | `BAD_ID`; një identifikues i përsëritur çon në karantinë çdo rresht me të (`DUPLICATE_ID`) |
                | PSEUDONYM | 64 shenja heksadecimale, nga mjeti i pseudonimeve | `BAD_PSEUDONYM` |
                | DATE | `vvvv-MM-dd`, një ditë e vërtetë; data e ngjarjes së skedarit duhet të bjerë në muajin e skedarit; datat pasuese jo para saj | `BAD_DATE`, `DATE_OUTSIDE_MONTH`, `DATE_ORDER` |
                | AGE | vite të plota 0-120, ose një grupmoshë `0-5`, `6-11`, `12-14`, `15-17`, `18+` | `BAD_AGE` |
                | CHOICE | një nga vlerat e lejuara (me shkronja të mëdha ose të vogla) | `NOT_ALLOWED_VALUE` |
                | MUNICIPALITY | një nga 61 bashkitë, me kodin LAU ose emrin (edhe pa ë dhe ç; emrat e komunave të dikurshme përkthehen); në qarkun e skedarit | `UNKNOWN_MUNICIPALITY`, `OUTSIDE_COUNTY` |
                | CROSSING | një kod pike kalimi nga lista e pikave të kalimit, në qarkun e skedarit | `UNKNOWN_CROSSING`, `CROSSING_WITHOUT_COUNTY`, `OUTSIDE_COUNTY` |
                | COUNTRY | ISO 3166-1 alpha-2 (XK për Kosovën), nga `conf/reference/countries.csv`: jo `UK`, `EL` ose `ZZ` | `BAD_COUNTRY` |
                | COUNTY | kodi ISO 3166-2 ose emri; qarku i skedarit | `UNKNOWN_COUNTY`, `OUTSIDE_COUNTY` |

                Një kolonë e detyrueshme e lënë bosh është `MISSING_VALUE`; një rresht me më shumë ose më pak fusha se rreshti i
                kolonave është `MALFORMED_ROW`; një qelizë Excel me formulë e ruajtur pa vlerën e llogaritur është
                `FORMULA_WITHOUT_VALUE` (kurrë nuk lexohet si 0).

                """);
        sourceTables(s, contract, source -> "një rresht për " + switch (source) {
            case BORDER -> "çdo takim të Policisë Kufitare me një fëmijë";
            case CPU -> "çdo rast të Njësisë për Mbrojtjen e Fëmijëve";
            case NRM -> "çdo identifikim të një viktime (të mundshme) të trafikimit nga Mekanizmi Kombëtar i Referimit";
            case SERVICES -> "çdo shërbim të dhënë një fëmije";
        }, "| kolona | lloji | e detyrueshme | vlerat e lejuara | shembull | kuptimi |", "po", "jo", (source, d) -> {
            String meaning = descriptions.get(source.code() + "|" + d.field().name());
            if (meaning == null || meaning.isBlank()) {
                throw new IllegalStateException("No Albanian meaning for " + source.code() + " " + d.field().name() + " in the contract's .sq.csv");
            }
            return meaning;
        });
        return s.toString();
    }

    /**
     * Per source, a heading ({@code rows}: what one row is) and the table of its columns: name, type, required
     * ({@code yes}/{@code no}), allowed values, example and {@code meaning}, in the document's language.
     */
    private static void sourceTables(StringBuilder s, DataContract contract, java.util.function.Function<Source, String> rows,
                                     String header, String yes, String no,
                                     java.util.function.BiFunction<Source, DataContract.Documented, String> meaning) {
        for (Source source : Source.values()) {
            s.append("## `").append(source.code()).append("`: ").append(rows.apply(source)).append("\n\n");
            s.append(header).append("\n|---|---|---|---|---|---|\n");
            for (DataContract.Documented d : contract.documented(source)) {
                Field f = d.field();
                s.append("| `").append(f.name()).append("` | ").append(f.type().name().toLowerCase(Locale.ROOT)).append(" | ")
                        .append(f.required() ? yes : no).append(" | ")
                        .append(f.allowed().isEmpty() ? "" : "`" + String.join("`, `", f.allowed()) + "`").append(" | ")
                        .append(d.example().isEmpty() ? "" : "`" + d.example() + "`").append(" | ")
                        .append(meaning.apply(source, d).replace("|", "\\|")).append(" |\n");
            }
            s.append('\n');
        }
    }

    /** The Albanian meanings beside a contract file ({@code v1.csv} → {@code v1.sq.csv}), keyed source|field. */
    public static java.util.Map<String, String> albanianDescriptions(Path contractFile) {
        String name = contractFile.getFileName().toString();
        Path file = contractFile.resolveSibling(name.substring(0, name.length() - 4) + ".sq.csv");
        java.util.Map<String, String> out = new java.util.HashMap<>();
        try (java.io.Reader reader = Files.newBufferedReader(file, UTF_8)) {
            for (org.apache.commons.csv.CSVRecord r : org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setCommentMarker('#').get().parse(reader)) {
                out.put(r.get("source") + "|" + r.get("field"), r.get("description_sq"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return out;
    }

    /**
     * Writes the documents: {@code [contract file] [output file]}, by default conf/contract/v1.csv to docs/data-contract.md,
     * and its Albanian beside it (docs/data-contract.sq.md).
     */
    public static void main(String[] args) {
        Path contract = Path.of(args.length > 0 ? args[0] : "conf/contract/v1.csv");
        Path out = Path.of(args.length > 1 ? args[1] : "docs/data-contract.md");
        String outName = out.getFileName().toString();
        Path albanian = out.resolveSibling(outName.substring(0, outName.length() - 3) + ".sq.md");
        try {
            DataContract loaded = DataContract.load(contract);
            Files.writeString(out, render(loaded), UTF_8);
            Files.writeString(albanian, renderAlbanian(loaded, albanianDescriptions(contract)), UTF_8);
            System.out.println("Wrote " + out + " and " + albanian);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + out, e);
        }
    }
}
