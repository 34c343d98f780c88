package al.antitrafficking.portal;

import al.antitrafficking.portal.forum.ActionController;
import al.antitrafficking.portal.forum.ExampleActions;
import al.antitrafficking.portal.forum.ForumController;
import al.antitrafficking.portal.indicator.IndicatorController;
import al.antitrafficking.portal.reference.ReferenceController;
import al.antitrafficking.portal.release.ReleaseController;
import al.antitrafficking.portal.statistics.StatisticsController;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.forum.DuckDbForumStore;
import al.antitrafficking.warehouse.forum.ForumRules;
import al.antitrafficking.warehouse.forum.InvalidInputException;
import al.antitrafficking.warehouse.forum.VersionConflictException;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.indicator.Population;
import al.antitrafficking.warehouse.indicator.QueryRefusedException;
import al.antitrafficking.warehouse.reference.Territory;
import al.antitrafficking.warehouse.release.PublishedReleases;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reporting portal. {@link #create} builds an unstarted server over the warehouse's query API and the
 * forum store; {@link #main} opens the published snapshot and the store and starts it on the configured
 * host and port. Every asset a page needs (ECharts from its WebJar, scripts, styles) is served by the
 * portal itself. Handlers throw; the mappings here turn failures into JSON answers with plain messages.
 */
public final class PortalApp {
    private static final Logger LOG = LoggerFactory.getLogger(PortalApp.class);

    private PortalApp() {}

    /** The JSON body of a refused form: every field's problem. */
    public record FieldErrors(int status, String error, Map<String, String> fields) {}

    /** The JSON body of a 409: the stored state the edit would have overwritten. */
    public record Conflict(int status, String error, Object current) {}

    public static Javalin create(PortalServices services) {
        ReleaseController release = new ReleaseController(services.releases());
        ForumController forums = new ForumController(services.forums());
        ActionController actions = new ActionController(services.forums(), services.releases(), services.territory(),
                services.clock(), services.forumBackupDir());
        ReferenceController reference = new ReferenceController(services.territory(), services.releases());
        IndicatorController indicators = new IndicatorController(services.releases(), services.clock());
        StatisticsController statistics = new StatisticsController(services.releases(), services.territory(), services.clock());
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            // The API described for clients: OpenAPI 3 (the file is kept beside the pages; a test checks it names every route).
            config.routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json")
                    .result(PortalApp.class.getResourceAsStream("/public/api/openapi.json")));
            config.routes.get("/api/v1/snapshot", release::snapshot);
            config.routes.get("/api/v1/releases", release::history);
            config.routes.get("/api/v1/releases/{id}", release::show);
            config.routes.get("/api/v1/releases/{id}/files/{file}", release::file);
            config.routes.get("/api/v1/reference", reference::show);
            config.routes.get("/api/v1/indicators", indicators::list);
            config.routes.get("/api/v1/indicators/{id}", indicators::query);
            config.routes.get("/api/v1/completeness", indicators::completeness);
            config.routes.get("/api/v1/convergence", indicators::convergence);
            config.routes.get("/api/v1/statistics", statistics::list);
            config.routes.get("/api/v1/statistics/{id}", statistics::show);
            config.routes.get("/api/v1/statistics/{id}/export.{format}", statistics::export);
            config.routes.get("/api/v1/forums", forums::list);
            config.routes.post("/api/v1/forums", forums::create);
            config.routes.get("/api/v1/forums/{id}", forums::show);
            config.routes.put("/api/v1/forums/{id}", forums::update);
            config.routes.get("/api/v1/actions", actions::list);
            config.routes.post("/api/v1/actions", actions::create);
            config.routes.get("/api/v1/actions/export.csv", actions::exportCsv);
            config.routes.get("/api/v1/actions/export.xlsx", actions::exportXlsx);
            config.routes.get("/api/v1/actions/summary", actions::summary);
            config.routes.get("/api/v1/actions/{id}", actions::show);
            config.routes.put("/api/v1/actions/{id}", actions::update);
            config.routes.post("/api/v1/actions/{id}/status", actions::changeStatus);
            config.routes.post("/api/v1/actions/{id}/notes", actions::addNote);
            config.routes.get("/api/v1/actions/{id}/effect", actions::effect);
            config.routes.post("/api/v1/admin/forum-backups", actions::backup);
            mapErrors(config);
        });
    }

    private static void mapErrors(JavalinConfig config) {
        config.routes.exception(QueryRefusedException.class, (e, ctx) -> ctx.status(400).json(new ApiError(400, e.getMessage())));
        config.routes.exception(InvalidInputException.class, (e, ctx) ->
                ctx.status(400).json(new FieldErrors(400, e.getMessage(), e.fieldErrors())));
        config.routes.exception(VersionConflictException.class, (e, ctx) ->
                ctx.status(409).json(new Conflict(409, e.getMessage(), e.current())));
        config.routes.exception(HttpResponseException.class, (e, ctx) ->
                ctx.status(e.getStatus()).json(new ApiError(e.getStatus(), e.getMessage())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(new ApiError(500, "The portal could not answer this request; the error is in the portal log."));
        });
    }

    public static void main(String[] args) {
        AppConfig config;
        DuckDbForumStore forums;
        try {
            config = AppConfig.fromArgs(args);
            Territory territory = Territory.load(config.referenceDir());
            // Follows the published release: a nightly ETL run and build show up without restarting the portal.
            PublishedReleases releases = new PublishedReleases(config.warehouseDir(), Catalogue.load(config.catalogueFile()), territory,
                    Population.load(territory, config.referenceDir()), Clock.systemUTC(), java.time.Duration.ofSeconds(10));
            forums = DuckDbForumStore.open(config.forumStoreFile(), ForumRules.load(config, territory, releases.current().trendIndicators()),
                    Clock.systemUTC());
            if (config.forumExampleActions()) {
                int added = ExampleActions.addIfEmpty(forums);
                if (added > 0) {
                    System.out.println("Added " + added + " example actions (flagged as examples, not facts)");
                }
            }
            Javalin app = create(new PortalServices(releases, forums, territory, Clock.systemUTC(), config.forumBackupDir()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.stop();
                forums.close();
            }));
            app.start(config.httpHost(), config.httpPort());
            String host = config.httpHost().equals("127.0.0.1") || config.httpHost().equals("0.0.0.0") ? "localhost" : config.httpHost();
            System.out.println("Portal serving release " + releases.current().id() + " (and each one published after it) on http://"
                    + host + ":" + app.port());
        } catch (RuntimeException e) {
            System.err.println("Portal cannot start: " + e.getMessage());
            System.exit(1);
        }
    }
}
