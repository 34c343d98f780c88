package al.antitrafficking.warehouse.release;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.indicator.Population;
import al.antitrafficking.warehouse.progress.FailureText;
import al.antitrafficking.warehouse.reference.Territory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warehouse as the portal and the notebooks read it: the published release (the one whose snapshot CURRENT names),
 * followed as new ones are published, and every earlier release of the ledger, kept after its snapshot is pruned. At
 * most once per {@code checkEvery} a call reads CURRENT; a new release is loaded whole before it replaces the old, so
 * a caller that holds a release reads one release from start to end.
 */
public final class PublishedReleases {
    private static final int CACHED = 4;
    private static final Logger LOG = LoggerFactory.getLogger(PublishedReleases.class);

    /** One entry of the ledger: a release, when it was built, what it revised, its counts. */
    public record Listing(String id, String builtAt, String previous, String firstMonth, String lastMonth, long cellsPrinted,
                          long cellsWithheld) {}

    private final Path warehouseDir;
    private final Ledger ledger;
    private final Catalogue catalogue;
    private final Territory territory;
    private final Population population;
    private final Clock clock;
    private final Duration checkEvery;
    private final Map<String, PublishedRelease> cache = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PublishedRelease> eldest) {
            return size() > CACHED;
        }
    };
    private PublishedRelease current;
    private Instant lastCheck;

    public PublishedReleases(Path warehouseDir, Catalogue catalogue, Territory territory, Population population, Clock clock,
                             Duration checkEvery) {
        this.warehouseDir = warehouseDir;
        this.ledger = new Ledger(warehouseDir);
        this.catalogue = catalogue;
        this.territory = territory;
        this.population = population;
        this.clock = clock;
        this.checkEvery = checkEvery;
        this.current = load(published());
        this.lastCheck = clock.instant();
    }

    /** Internal figures from the facts of this warehouse's snapshots, DuckDB bounded to this memory and these threads. */
    public InternalAccess internalAccess(String memoryLimit, int threads) {
        return new InternalAccess(warehouseDir, catalogue, population, memoryLimit, threads);
    }

    /** The release published now; hold it for the whole of an answer. */
    public synchronized PublishedRelease current() {
        Instant now = clock.instant();
        if (Duration.between(lastCheck, now).compareTo(checkEvery) >= 0) {
            lastCheck = now;
            try {
                String id = published();
                // The same id built again (a rebuild of a published snapshot) is a new release too.
                if (!id.equals(current.id()) || !ledger.properties(id).getProperty("built-at", "").equals(current.builtAt())) {
                    cache.remove(id);
                    current = load(id);
                }
            } catch (RuntimeException e) {
                // A release that cannot be read whole now (its rebuild is renaming it into place) is tried again at the next
                // check; meanwhile readers keep the one they had, which is whole.
                LOG.warn("Keeping release {}: the published one cannot be read yet ({})", current.id(), FailureText.of(e));
            }
        }
        return current;
    }

    /** Any release of the ledger, published now or before. */
    public synchronized Optional<PublishedRelease> find(String id) {
        if (!id.equals(current.id()) && !ledger.publishedIds().contains(id)) {
            return Optional.empty();
        }
        return Optional.of(id.equals(current.id()) ? current : load(id));
    }

    /** Every release of the ledger, newest first. */
    public List<Listing> history() {
        List<Listing> all = new ArrayList<>();
        for (String id : ledger.publishedIds()) {
            Properties p = ledger.properties(id);
            all.add(0, new Listing(id, p.getProperty("built-at"), p.getProperty("previous", ""), p.getProperty("first-month"),
                    p.getProperty("last-month"), Long.parseLong(p.getProperty("cells-printed", "0")),
                    Long.parseLong(p.getProperty("cells-withheld", "0"))));
        }
        return all;
    }

    /** The UNODC GLOTIP series imported into this warehouse as a reference, if any (see {@link al.antitrafficking.warehouse.international.GlotipSeries}). */
    public Optional<al.antitrafficking.warehouse.international.GlotipSeries> glotipSeries() {
        return al.antitrafficking.warehouse.international.GlotipSeries.open(warehouseDir);
    }

    public Clock clock() {
        return clock;
    }

    private PublishedRelease load(String id) {
        return cache.computeIfAbsent(id, k -> PublishedRelease.load(ledger, k, catalogue, territory, population));
    }

    /** The id CURRENT names; its release must be in the ledger (the build writes it before it publishes). */
    private String published() {
        Path pointer = warehouseDir.resolve("CURRENT");
        if (!Files.isRegularFile(pointer)) {
            throw new IllegalStateException("Cannot open warehouse " + warehouseDir + ": no published snapshot; run the ETL and the warehouse build first");
        }
        try {
            String id = Files.readString(pointer, UTF_8).trim();
            if (!ledger.ids().contains(id)) {
                throw new IllegalStateException("Cannot open warehouse: snapshot " + id + " has no release in the ledger; build the warehouse again");
            }
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + pointer, e);
        }
    }
}
