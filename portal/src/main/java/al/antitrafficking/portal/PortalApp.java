package al.antitrafficking.portal;

import al.antitrafficking.portal.overview.OverviewController;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.query.DuckDbOverviewQueries;
import al.antitrafficking.warehouse.query.OverviewQueries;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reporting portal. {@link #create} builds an unstarted server over the warehouse's query API;
 * {@link #main} opens the published snapshot and starts it on the configured host and port. Every asset a
 * page needs (ECharts from its WebJar, scripts, styles) is served by the portal itself.
 */
public final class PortalApp {
    private static final Logger LOG = LoggerFactory.getLogger(PortalApp.class);

    private PortalApp() {}

    public static Javalin create(OverviewQueries overview) {
        OverviewController overviewController = new OverviewController(overview);
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            config.routes.get("/api/v1/snapshot", overviewController::snapshot);
            config.routes.get("/api/v1/overview/children-encountered/monthly", overviewController::childrenEncounteredMonthly);
            config.routes.get("/api/v1/overview/child-victims/monthly", overviewController::childVictimsMonthly);
            config.routes.get("/api/v1/overview/children-encountered/by-county", overviewController::childrenEncounteredByCounty);
            config.routes.exception(HttpResponseException.class, (e, ctx) ->
                    ctx.status(e.getStatus()).json(new ApiError(e.getStatus(), e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Request {} failed", ctx.path(), e);
                ctx.status(500).json(new ApiError(500, "The portal could not answer this request; the error is in the portal log."));
            });
            config.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/")) {
                    ctx.json(new ApiError(404, "No such API endpoint: " + ctx.path()));
                }
            });
        });
    }

    public static void main(String[] args) {
        AppConfig config;
        DuckDbOverviewQueries warehouse;
        try {
            config = AppConfig.fromArgs(args);
            warehouse = DuckDbOverviewQueries.openCurrent(config);
        } catch (RuntimeException e) {
            System.err.println("Portal cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Javalin app = create(warehouse);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            warehouse.close();
        }));
        try {
            app.start(config.httpHost(), config.httpPort());
        } catch (RuntimeException e) {
            System.err.println("Portal cannot start on " + config.httpHost() + ":" + config.httpPort()
                    + " (is another program using the port? set --portal.http-port=N): " + e.getMessage());
            warehouse.close();
            System.exit(1);
        }
        String host = config.httpHost().equals("127.0.0.1") || config.httpHost().equals("0.0.0.0") ? "localhost" : config.httpHost();
        System.out.println("Portal serving snapshot " + warehouse.snapshot().id() + " on http://" + host + ":" + app.port());
    }
}
