package al.antitrafficking.portal.release;

import al.antitrafficking.portal.Requests;
import al.antitrafficking.warehouse.disclosure.Marks;
import al.antitrafficking.warehouse.indicator.PeriodType;
import al.antitrafficking.warehouse.release.PublishedRelease;
import al.antitrafficking.warehouse.release.PublishedReleases;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The release being read and the ledger of every release published: what a release covers, the spans it publishes,
 * the marks' legend; each release's revision notes and public files, kept after its snapshot's facts are pruned.
 */
public final class ReleaseController {
    private final PublishedReleases releases;

    public ReleaseController(PublishedReleases releases) {
        this.releases = releases;
    }

    /** A release: its id (the snapshot's), months, files, figures printed and withheld, spans, legend. */
    public record About(String id, String firstMonth, String lastMonth, long filesLoaded, long filesRejected, long cellsPrinted,
                        long cellsWithheld, List<String> rollingWindows, List<String> years, int suppressionThreshold,
                        Map<String, String> legend, String builtAt) {
        static About of(PublishedRelease r) {
            PublishedRelease.Summary s = r.summary();
            long[] counts = r.counts();
            return new About(s.id(), s.firstMonth(), s.lastMonth(), s.filesLoaded(), s.filesRejected(), counts[0], counts[1], r.windows(),
                    r.periods(PeriodType.YEAR), r.minCount(), Marks.legend(r.minCount()), r.builtAt());
        }
    }

    /** One release of the ledger with its revision notes. */
    public record Revision(About release, String notes) {}

    public void snapshot(Context ctx) {
        ctx.json(About.of(Requests.release(ctx, releases)));
    }

    public void history(Context ctx) {
        ctx.json(releases.history());
    }

    public void show(Context ctx) {
        PublishedRelease r = find(ctx.pathParam("id"));
        ctx.json(new Revision(About.of(r), r.notes()));
    }

    /** A public file of a release: cells.csv.gz (every printed cell), tables.csv, submissions.csv, notes.md. */
    public void file(Context ctx) {
        PublishedRelease r = find(ctx.pathParam("id"));
        String name = ctx.pathParam("file");
        Path file = r.publicFile(name).orElseThrow(() -> new NotFoundResponse("No file " + name + "; cells.csv.gz, tables.csv, submissions.csv or notes.md"));
        ctx.header("Content-Disposition", "attachment; filename=\"release_" + r.id() + "_" + name + "\"");
        ctx.contentType(name.endsWith(".gz") ? "application/gzip" : name.endsWith(".md") ? "text/markdown; charset=utf-8" : "text/csv; charset=utf-8");
        try {
            ctx.result(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read release file " + name, e);
        }
    }

    private PublishedRelease find(String id) {
        if (!id.matches("[0-9]{8}T[0-9]{9}Z")) {
            throw new NotFoundResponse("No release " + id);
        }
        return releases.find(id).orElseThrow(() -> new NotFoundResponse("No release " + id + " in the ledger"));
    }
}
