package al.antitrafficking.portal.international;

import al.antitrafficking.portal.Requests;
import al.antitrafficking.portal.access.AuditLog;
import al.antitrafficking.warehouse.access.AuditEvent;
import al.antitrafficking.warehouse.disclosure.Marks;
import al.antitrafficking.warehouse.international.GlotipComparison;
import al.antitrafficking.warehouse.international.GlotipSeries;
import al.antitrafficking.warehouse.international.ReturnFiles;
import al.antitrafficking.warehouse.international.Returns;
import al.antitrafficking.warehouse.release.InternalAccess;
import al.antitrafficking.warehouse.release.PublishedRelease;
import al.antitrafficking.warehouse.release.PublishedReleases;
import al.antitrafficking.warehouse.release.ReturnAnswers;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The international returns and the published UNODC series. Public: each return for a year of the release as JSON for
 * the page and as CSV or XLSX in the body's layout (every figure a cell of the release, withheld ones with its one mark),
 * the reconciliation of Albania's published series with the release, and Albania beside its neighbours as UNODC
 * published them. Internal: the same returns unsuppressed, as files marked internal, for the ministry statistician
 * (the route table checks the capability), with a reason, in the audit trail.
 */
public final class ReturnsController {
    private final PublishedReleases releases;
    private final InternalAccess internal;
    private final AuditLog audit;

    public ReturnsController(PublishedReleases releases, InternalAccess internal, AuditLog audit) {
        this.releases = releases;
        this.internal = internal;
        this.audit = audit;
    }

    public record Entry(String id, String body, Map<String, String> title, List<String> tables) {}

    public record Listing(List<Entry> returns, List<Integer> years, List<Integer> partial, Integer defaultYear, String snapshot,
                          Map<String, String> legend) {}

    public record TableView(String id, String rows, String columns, List<Map<String, String>> rowLabels, List<Map<String, String>> columnLabels,
                            List<List<String>> cells, List<List<String>> statuses) {}

    public record ReturnView(String id, String body, Map<String, String> title, int year, boolean partial, String snapshot,
                             List<TableView> tables, Map<String, String> legend, List<List<String>> data) {}

    public void list(Context ctx) {
        PublishedRelease release = Requests.release(ctx, releases);
        Returns returns = returns(release);
        List<Integer> years = new ArrayList<>(release.returnYears());
        java.util.Collections.reverse(years);
        List<Integer> partial = years.stream().filter(y -> !whole(release, y)).toList();
        Integer whole = years.stream().filter(y -> !partial.contains(y)).findFirst().orElse(years.isEmpty() ? null : years.get(0));
        ctx.json(new Listing(returns.returns().stream().map(r -> new Entry(r.id(), r.body(), r.title(),
                r.tables().stream().map(Returns.Table::id).toList())).toList(), years, partial, whole, release.id(), Marks.legend(release.minCount())));
    }

    public void show(Context ctx) {
        PublishedRelease release = Requests.release(ctx, releases);
        ReturnAnswers.Return r = release.internationalReturn(id(ctx), year(ctx));
        List<TableView> tables = new ArrayList<>();
        for (ReturnAnswers.Table t : r.tables()) {
            List<List<String>> cells = new ArrayList<>();
            List<List<String>> statuses = new ArrayList<>();
            for (List<ReturnAnswers.Cell> row : t.cells()) {
                cells.add(row.stream().map(c -> c.value() == null ? Marks.of(c.status()) : Long.toString(c.value())).toList());
                statuses.add(row.stream().map(c -> c.status().name()).toList());
            }
            tables.add(new TableView(t.definition().id(), t.rows().id(), t.columns().id(), labels(t.rows()), labels(t.columns()), cells, statuses));
        }
        ctx.json(new ReturnView(r.definition().id(), r.definition().body(), r.definition().title(), r.year(), r.partial(), r.snapshot(), tables,
                Marks.legend(r.minCount()), ReturnFiles.data(r)));
    }

    public void export(Context ctx) {
        PublishedRelease release = Requests.release(ctx, releases);
        send(ctx, release.internationalReturn(id(ctx), year(ctx)), release);
    }

    public void internalExport(Context ctx) {
        al.antitrafficking.portal.access.InternalController.reason(ctx);
        PublishedRelease release = releases.current();
        ReturnAnswers.Return r = internal.internationalReturn(release, release.id(), id(ctx), year(ctx));
        send(ctx, r, release);
        audit.record(ctx, AuditEvent.INTERNAL_FIGURES, "international return " + r.definition().id() + " " + r.year(), ctx.queryString(), release.id());
        ctx.header("X-Audience", "internal");
    }

    private static void send(Context ctx, ReturnAnswers.Return r, PublishedRelease release) {
        String format = ctx.pathParam("format");
        String lang = Optional.ofNullable(ctx.queryParam("lang")).orElse("sq");
        if (!List.of("sq", "en").contains(lang)) {
            throw new BadRequestResponse("Cannot read lang: sq or en");
        }
        String file = ReturnFiles.fileName(r, format);
        switch (format) {
            case "csv" -> ctx.contentType("text/csv; charset=utf-8").result(ReturnFiles.csv(r, lang));
            case "xlsx" -> ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .result(ReturnFiles.xlsx(r, lang, al.antitrafficking.portal.statistics.StatisticsExport.snapshotTime(release.id()).orElse(Instant.EPOCH)));
            default -> throw new NotFoundResponse("No export as " + format + "; csv or xlsx");
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
    }

    public record Reference(String imported, String file, String stamp, int firstYear, int lastYear, List<GlotipComparison.Series> countries,
                            GlotipComparison.Aggregate westernBalkans, List<Integer> commonYears, String releaseFirstMonth, String releaseLastMonth) {}

    public record Reconciliation(int year, String imported, String snapshot, List<GlotipComparison.Line> lines, Map<String, Long> flags) {}

    /** The published series as imported: Albania and its neighbours, the Western Balkans, the years it shares with the release. */
    public void reference(Context ctx) {
        PublishedRelease release = Requests.release(ctx, releases);
        GlotipSeries series = series();
        GlotipSeries.Imported i = series.imported();
        List<Integer> common = release.returnYears().stream().filter(y -> y >= i.firstYear() && y <= i.lastYear() && whole(release, y)).toList();
        ctx.json(new Reference(i.id(), i.file(), i.stamp().map(Object::toString).orElse(null), i.firstYear(), i.lastYear(),
                GlotipComparison.neighbours(series), GlotipComparison.westernBalkans(series), common, release.firstMonth().toString(),
                release.lastMonth().toString()));
    }

    public void reconciliation(Context ctx) {
        PublishedRelease release = Requests.release(ctx, releases);
        GlotipSeries series = series();
        int year = year(ctx);
        if (!whole(release, year)) {
            throw new BadRequestResponse("Cannot reconcile " + year + ": the release covers it only in part (" + release.firstMonth() + " to "
                    + release.lastMonth() + "); UNODC's figures are for whole years");
        }
        List<GlotipComparison.Line> lines = GlotipComparison.reconcile(series, release.internationalReturn("glotip", year));
        Map<String, Long> flags = new java.util.TreeMap<>();
        lines.forEach(l -> flags.merge(l.flag().name(), 1L, Long::sum));
        ctx.json(new Reconciliation(year, series.imported().id(), release.id(), lines, flags));
    }

    private static boolean whole(PublishedRelease release, int year) {
        return !release.firstMonth().isAfter(java.time.YearMonth.of(year, 1)) && !release.lastMonth().isBefore(java.time.YearMonth.of(year, 12));
    }

    private GlotipSeries series() {
        // Read within the portal's DuckDB limits, as the internal figures are.
        return releases.glotipSeries().map(g -> g.limitedTo(internal.limits())).orElseThrow(() -> new NotFoundResponse("No UNODC series has been imported into this warehouse "
                + "(ImportGlotipCommand, see the README)"));
    }

    private static List<Map<String, String>> labels(Returns.Breakdown b) {
        List<Map<String, String>> out = new ArrayList<>();
        b.categories().forEach(c -> out.add(Map.of("code", c.code(), "sq", c.label("sq"), "en", c.label("en"))));
        return out;
    }

    private static Returns returns(PublishedRelease release) {
        return release.catalogue().returns().orElseThrow(() -> new NotFoundResponse("The catalogue names no international returns"));
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[a-z0-9_]{1,40}")) {
            throw new NotFoundResponse("No return " + id);
        }
        return id;
    }

    private static int year(Context ctx) {
        String y = ctx.queryParam("year");
        if (y == null || !y.matches("[0-9]{4}")) {
            throw new BadRequestResponse("Cannot read year: give year=yyyy");
        }
        return Integer.parseInt(y);
    }
}
