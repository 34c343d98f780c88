package al.antitrafficking.portal;

import al.antitrafficking.portal.forum.ActionController;
import al.antitrafficking.portal.forum.ExampleActions;
import al.antitrafficking.portal.forum.ForumController;
import al.antitrafficking.portal.indicator.AnswerCache;
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
import al.antitrafficking.warehouse.progress.FailureText;
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
import io.javalin.http.HandlerType;
import al.antitrafficking.portal.Route.Need;
import al.antitrafficking.portal.upload.RefusedUploads;
import al.antitrafficking.portal.upload.UploadController;
import al.antitrafficking.portal.upload.Uploads;
import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.intake.ClerkUpload;
import al.antitrafficking.warehouse.pii.ColumnGuard;
import al.antitrafficking.warehouse.reference.Countries;
import al.antitrafficking.warehouse.release.InternalAccess;
import al.antitrafficking.portal.access.ActionAccess;
import al.antitrafficking.portal.access.AdminController;
import al.antitrafficking.portal.access.AuditLog;
import al.antitrafficking.portal.access.InternalController;
import al.antitrafficking.portal.access.PortalSecurity;
import al.antitrafficking.portal.access.SessionController;
import al.antitrafficking.portal.access.Sessions;
import al.antitrafficking.portal.access.SignInThrottle;
import al.antitrafficking.portal.access.WebGuard;
import al.antitrafficking.warehouse.access.AccessRules;
import al.antitrafficking.warehouse.access.AuditEvent;
import al.antitrafficking.warehouse.access.AuditInbox;
import al.antitrafficking.warehouse.access.Capability;
import al.antitrafficking.warehouse.access.Institutions;
import al.antitrafficking.warehouse.access.UserForm;
import al.antitrafficking.warehouse.forum.ForumBackups;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
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

    /** The route table of a portal over these services: every route, what it needs, its handler (not yet guarded). */
    public static List<Route> routes(PortalServices services) {
        return new Parts(services).routes();
    }

    /** The parts one portal shares between its routes: sessions, throttle, guard, audit log, controllers. */
    private static final class Parts {
        final Sessions sessions;
        final WebGuard guard;
        final AuditLog audit;
        final PublishedReleases releases;
        final List<Route> routes;
        final UploadController uploads;

        Parts(PortalServices services) {
            PortalSecurity security = services.security();
            releases = services.releases();
            sessions = new Sessions(services.clock(), security.sessionIdle(), security.sessionMax());
            SignInThrottle throttle = new SignInThrottle(services.clock(), security.signInMaxFailures(), security.signInLock());
            guard = new WebGuard(security, sessions, services.users(), services.access());
            audit = new AuditLog(services.audit(), guard);
            ActionAccess access = new ActionAccess(services.territory());
            ReleaseController release = new ReleaseController(services.releases());
            ForumController forums = new ForumController(services.forums(), access, audit);
            ActionController actions = new ActionController(services.forums(), services.releases(), services.territory(), services.clock(),
                    access, audit, services.institutions());
            ReferenceController reference = new ReferenceController(services.territory(), services.releases(), services.institutions());
            // Public answers kept serialised: at most 4,000 of them and 64 MB (a statistics table's answer is about 10 kB).
            IndicatorController indicators = new IndicatorController(services.releases(), services.clock(),
                    new AnswerCache(services.clock(), 4_000, 64L << 20));
            StatisticsController statistics = new StatisticsController(services.releases(), services.territory(), services.labels(),
                    services.clock());
            SessionController session = new SessionController(services.users(), sessions, throttle, guard, audit, security.sessionMax());
            AdminController admin = new AdminController(services.users(), sessions, audit, services.forums(), services.forumBackupDir(),
                    services.forumBackupsKept(), services.clock());
            InternalController internal = new InternalController(services.releases(), services.internal(), audit);
            al.antitrafficking.portal.international.ReturnsController returns =
                    new al.antitrafficking.portal.international.ReturnsController(services.releases(), services.internal(), audit);
            uploads = new UploadController(services.uploads(), services.releases(), services.internal(), audit, services.clock());
            Need pub = Need.PUBLIC;
            Need signedIn = Need.SIGNED_IN;
            Need viewActions = Need.any(Capability.VIEW_ACTIONS);
            Need editActions = Need.any(Capability.EDIT_ACTIONS_ANY, Capability.EDIT_ACTIONS_COUNTY);
            Need followUp = Need.any(Capability.EDIT_ACTIONS_ANY, Capability.EDIT_ACTIONS_COUNTY, Capability.EDIT_ACTIONS_INSTITUTION);
            Need manageUsers = Need.any(Capability.MANAGE_USERS);
            Need readAudit = Need.any(Capability.READ_AUDIT);
            Need upload = Need.any(Capability.UPLOAD_FILES_COUNTY);
            routes = List.of(
                    // The API described for clients: OpenAPI 3 (kept beside the pages; a test checks it names every route).
                    new Route(HandlerType.GET, "/api/v1/openapi.json", pub, ctx -> ctx.contentType("application/json")
                            .result(PortalApp.class.getResourceAsStream("/public/api/openapi.json"))),
                    new Route(HandlerType.GET, "/api/v1/session", pub, session::show),
                    new Route(HandlerType.POST, "/api/v1/session", pub, session::signIn),
                    new Route(HandlerType.DELETE, "/api/v1/session", signedIn, session::signOut),
                    new Route(HandlerType.POST, "/api/v1/session/password", signedIn, session::changePassword),
                    new Route(HandlerType.GET, "/api/v1/snapshot", pub, release::snapshot),
                    new Route(HandlerType.GET, "/api/v1/releases", pub, release::history),
                    new Route(HandlerType.GET, "/api/v1/releases/{id}", pub, release::show),
                    exported(new Route(HandlerType.GET, "/api/v1/releases/{id}/files/{file}", pub, release::file)),
                    new Route(HandlerType.GET, "/api/v1/reference", pub, reference::show),
                    new Route(HandlerType.GET, "/api/v1/indicators", pub, indicators::list),
                    new Route(HandlerType.GET, "/api/v1/indicators/{id}", pub, indicators::query),
                    new Route(HandlerType.GET, "/api/v1/answers", pub, indicators::answers),
                    new Route(HandlerType.GET, "/api/v1/completeness", pub, indicators::completeness),
                    new Route(HandlerType.GET, "/api/v1/convergence", pub, indicators::convergence),
                    new Route(HandlerType.GET, "/api/v1/statistics", pub, statistics::list),
                    new Route(HandlerType.GET, "/api/v1/statistics/{id}", pub, statistics::show),
                    exported(new Route(HandlerType.GET, "/api/v1/statistics/{id}/export.{format}", pub, statistics::export)),
                    new Route(HandlerType.GET, "/api/v1/returns", pub, returns::list),
                    new Route(HandlerType.GET, "/api/v1/returns/{id}", pub, returns::show),
                    exported(new Route(HandlerType.GET, "/api/v1/returns/{id}/export.{format}", pub, returns::export)),
                    new Route(HandlerType.GET, "/api/v1/reference/glotip", pub, returns::reference),
                    new Route(HandlerType.GET, "/api/v1/reference/glotip/reconciliation", pub, returns::reconciliation),
                    new Route(HandlerType.GET, "/api/v1/forums", viewActions, forums::list),
                    new Route(HandlerType.POST, "/api/v1/forums", editActions, forums::create),
                    new Route(HandlerType.GET, "/api/v1/forums/{id}", viewActions, forums::show),
                    new Route(HandlerType.PUT, "/api/v1/forums/{id}", editActions, forums::update),
                    new Route(HandlerType.PUT, "/api/v1/forums/{id}/translations", editActions, forums::translate),
                    new Route(HandlerType.GET, "/api/v1/actions", viewActions, actions::list),
                    new Route(HandlerType.POST, "/api/v1/actions", editActions, actions::create),
                    exported(new Route(HandlerType.GET, "/api/v1/actions/export.csv", viewActions, actions::exportCsv)),
                    exported(new Route(HandlerType.GET, "/api/v1/actions/export.xlsx", viewActions, actions::exportXlsx)),
                    new Route(HandlerType.GET, "/api/v1/actions/summary", viewActions, actions::summary),
                    new Route(HandlerType.GET, "/api/v1/actions/{id}", viewActions, actions::show),
                    new Route(HandlerType.PUT, "/api/v1/actions/{id}", editActions, actions::update),
                    new Route(HandlerType.POST, "/api/v1/actions/{id}/status", followUp, actions::changeStatus),
                    new Route(HandlerType.POST, "/api/v1/actions/{id}/notes", followUp, actions::addNote),
                    new Route(HandlerType.GET, "/api/v1/actions/{id}/effect", viewActions, actions::effect),
                    new Route(HandlerType.GET, "/api/v1/translations", viewActions, actions::translations),
                    new Route(HandlerType.GET, "/api/v1/admin/users", manageUsers, admin::listUsers),
                    new Route(HandlerType.POST, "/api/v1/admin/users", manageUsers, admin::createUser),
                    new Route(HandlerType.PUT, "/api/v1/admin/users/{username}", manageUsers, admin::updateUser),
                    new Route(HandlerType.POST, "/api/v1/admin/users/{username}/password", manageUsers, admin::resetPassword),
                    new Route(HandlerType.GET, "/api/v1/admin/audit", readAudit, admin::auditTrail),
                    new Route(HandlerType.GET, "/api/v1/admin/audit/export.csv", readAudit, admin::auditExport),
                    new Route(HandlerType.POST, "/api/v1/admin/forum-backups", Need.any(Capability.TAKE_BACKUPS), admin::backup),
                    new Route(HandlerType.GET, "/api/v1/internal/indicators/{id}", Need.any(Capability.VIEW_INTERNAL_FIGURES), internal::indicator),
                    new Route(HandlerType.GET, "/api/v1/internal/ingestion", Need.any(Capability.VIEW_INGESTION_REPORTS), internal::ingestion),
                    new Route(HandlerType.GET, "/api/v1/internal/returns/{id}/export.{format}",
                            Need.any(Capability.SUBMIT_INTERNATIONAL_RETURNS), returns::internalExport),
                    new Route(HandlerType.GET, WebGuard.UPLOADS, upload, uploads::list),
                    new Route(HandlerType.POST, WebGuard.UPLOADS, upload, uploads::receive));
        }

        List<Route> routes() {
            return routes;
        }

        /** A download: recorded in the audit trail (who, which file, its parameters, the release) once it was answered. */
        private Route exported(Route r) {
            return new Route(r.method(), r.path(), r.need(), ctx -> {
                r.handler().handle(ctx);
                String release = ctx.queryParam("release");
                String read = r.path().startsWith("/api/v1/releases/") ? ctx.pathParam("id")
                        : release != null && release.matches("[0-9]{8}T[0-9]{9}Z") ? release : releases.current().id();
                audit.record(ctx, AuditEvent.EXPORT, ctx.path(), ctx.queryString(), read);
            });
        }
    }

    /** An unstarted portal over the services, with the default network settings (tests start it on a port of their own). */
    public static Javalin create(PortalServices services) {
        return create(services, Network.DEFAULT);
    }

    /**
     * How the portal meets the network: request idle timeout, the least rate a client must send a body at, threads, and
     * for {@link #main} the address, port and TLS keystore (tests give none and start on a port of their own).
     */
    public record Network(int idleTimeoutSeconds, int maxThreads, String host, int port, Path keystore, char[] keystorePassword,
                          int bodyDeadlineSeconds) {
        static final Network DEFAULT = new Network(20, 200, null, 0, null, null);

        /** A request with a body must be done within 10 s (a clerk's file within 120 s): see {@link BodyGate}. */
        public Network(int idleTimeoutSeconds, int maxThreads, String host, int port, Path keystore, char[] keystorePassword) {
            this(idleTimeoutSeconds, maxThreads, host, port, keystore, keystorePassword, 10);
        }
    }

    public static Javalin create(PortalServices services, Network network) {
        Parts parts = new Parts(services);
        BodyGate gate = new BodyGate(Math.max(4, network.maxThreads() / 2), 8, java.time.Duration.ofSeconds(network.bodyDeadlineSeconds()),
                java.time.Duration.ofSeconds(12L * network.bodyDeadlineSeconds()));
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Strict reading: no text after the JSON, no unknown fields, no "1" for 1 or 1.5 for 1, no null for a number.
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        // Nor 12 or true where text is asked.
        for (com.fasterxml.jackson.databind.cfg.CoercionInputShape shape : List.of(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float, com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean)) {
            json.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual).setCoercion(shape,
                    com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        }
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.http.maxRequestSize = WebGuard.MAX_BODY;
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            QueuedThreadPool threads = new QueuedThreadPool(network.maxThreads(), 8, 60_000);
            threads.setName("portal");
            config.jetty.threadPool = threads;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setIdleTimeout(network.idleTimeoutSeconds() * 1000L);
                // No minimum body data rate: Jetty measures it from the first byte read with no grace, so a pause of the
                // portal (a garbage collection) or of the network refuses a small body (40 bytes after 40 ms at 1 KiB/s).
                // Slow uploads are bounded by BodyGate (so many bodies read at once), the body limit and the idle timeout.
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });
            if (network.host() != null) {
                config.jetty.addConnector((server, http) -> connector(server, http, network));
            }
            // Requests Jetty refuses before any route (malformed, too long) get JSON too, not Jetty's HTML page.
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProtocolErrors()));
            config.routes.before(parts.guard::before);
            for (Route r : parts.routes()) {
                config.routes.addHttpHandler(r.method(), r.path(), r.guarded(gate));
            }
            mapErrors(config);
        });
    }

    private static ServerConnector connector(Server server, HttpConfiguration http, Network network) {
        ServerConnector connector;
        if (network.keystore() != null) {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(network.keystore().toString());
            tls.setKeyStorePassword(new String(network.keystorePassword()));
            tls.setKeyStoreType("PKCS12");
            tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            HttpConfiguration https = new HttpConfiguration(http);
            https.addCustomizer(new SecureRequestCustomizer());
            connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(network.host());
        connector.setPort(network.port());
        connector.setIdleTimeout(network.idleTimeoutSeconds() * 1000L);
        return connector;
    }

    private static void mapErrors(JavalinConfig config) {
        config.routes.exception(QueryRefusedException.class, (e, ctx) -> ctx.status(400).json(new ApiError(400, e.getMessage())));
        config.routes.exception(InvalidInputException.class, (e, ctx) ->
                ctx.status(400).json(new FieldErrors(400, e.getMessage(), e.fieldErrors())));
        config.routes.exception(VersionConflictException.class, (e, ctx) ->
                ctx.status(409).json(new Conflict(409, e.getMessage(), e.current())));
        config.routes.exception(HttpResponseException.class, (e, ctx) ->
                ctx.status(e.getStatus()).json(new ApiError(e.getStatus(), e.getMessage())));
        // Something removed between the check and the write (an action deleted by a restore): not found, not a failure.
        config.routes.exception(java.util.NoSuchElementException.class, (e, ctx) ->
                ctx.status(404).json(new ApiError(404, e.getMessage() == null ? "Not found" : e.getMessage())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            // The exception's class and where it happened, not its message: a message can carry a value someone typed.
            LOG.error("Request {} {} failed: {} at {}", ctx.method(), ctx.path(), e.getClass().getName(),
                    java.util.Arrays.stream(e.getStackTrace()).limit(12).map(String::valueOf).toList());
            ctx.status(500).json(new ApiError(500, "The portal could not answer this request; the error is in the portal log."));
        });
        // Answers Javalin or Jetty give on their own (no route, wrong method, too large, bad request) are JSON as well.
        for (int status : new int[] {400, 404, 405, 413, 414, 431, 500, 503}) {
            config.routes.error(status, "*", ctx -> {
                if (ctx.result() == null || !ctx.result().startsWith("{")) {
                    ctx.json(new ApiError(status, defaultMessage(status)));
                }
            });
        }
    }

    private static String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "Cannot read request";
            case 404 -> "Not found";
            case 405 -> "This method is not allowed here";
            case 413 -> "Request too large";
            case 414 -> "Address too long";
            case 431 -> "Request headers too large";
            case 503 -> "The portal is busy; try again";
            default -> "The portal could not answer this request";
        };
    }

    /** Demo accounts, one per role, created only when {@code portal.demo-users=true} (bin/demo); the README lists them. */
    static final List<UserForm> DEMO_USERS = List.of(
            new UserForm("coordinator", "Demo National Coordinator", "national_coordinator", null, null, false, null),
            new UserForm("statistician", "Demo Ministry Statistician", "ministry_statistician", null, null, false, null),
            new UserForm("kukes", "Demo Regional Committee Kukës", "regional_committee", "AL-07", null, false, null),
            new UserForm("partner", "Demo Border Police Kukës", "partner_organisation", null, "Border Police Directorate Kukës", false, null),
            new UserForm("datamanager", "Demo Data Manager", "data_manager", null, null, false, null),
            new UserForm("clerk", "Demo Data Clerk Kukës", "data_clerk", "AL-07", null, false, null),
            new UserForm("admin", "Demo Administrator", "administrator", null, null, false, null));

    /** The password of every demo account (a demo only: never on a real portal). */
    static final String DEMO_PASSWORD = "nrm-demo-2026!";

    public static void main(String[] args) {
        AppConfig config;
        DuckDbForumStore forums;
        try {
            config = AppConfig.fromArgs(args);
            Territory territory = Territory.load(config.referenceDir());
            Institutions institutions = Institutions.load(config.referenceDir());
            AccessRules access = AccessRules.load(config.portal().rolesFile());
            // Follows the published release: a nightly run, or a correction the ingestion service publishes, shows up without
            // restarting the portal, within two seconds (reading CURRENT, a few bytes, once per two seconds at most).
            PublishedReleases releases = new PublishedReleases(config.warehouseDir(), Catalogue.load(config.catalogueFile()), territory,
                    Population.load(territory, config.referenceDir()), Clock.systemUTC(), java.time.Duration.ofSeconds(2));
            forums = DuckDbForumStore.open(config.forumStoreFile(), ForumRules.load(config, territory, releases.current().trendIndicators()),
                    Clock.systemUTC(), config.portal().duckDbLimits());
            forums.accountRules(code -> territory.findCounty(code).isPresent(), name -> institutions.byName(name).isPresent());
            if (config.forumExampleActions()) {
                int added = ExampleActions.addIfEmpty(forums);
                if (added > 0) {
                    System.out.println("Added " + added + " example actions (flagged as examples, not facts)");
                }
            }
            if (config.portal().demoUsers()) {
                for (UserForm u : DEMO_USERS) {
                    if (forums.users().find(u.username()).isEmpty()) {
                        forums.users().create(u, DEMO_PASSWORD.toCharArray(), "demo");
                    }
                }
                System.out.println("Demo accounts (see the README): " + DEMO_USERS.stream().map(UserForm::username).toList());
            } else if (!forums.users().hasAdministrator()) {
                System.out.println("No administrator account yet: create one with bin/add-user (see the README)");
            }
            char[] keystorePassword = config.portal().tlsKeystorePasswordFile() == null ? null
                    : java.nio.file.Files.readString(config.portal().tlsKeystorePasswordFile()).strip().toCharArray();
            Network network = new Network(config.portal().idleTimeoutSeconds(), config.portal().maxThreads(), config.httpHost(),
                    config.httpPort(), config.portal().tlsKeystore(), keystorePassword);
            DataContract contract = DataContract.load(config.contractFile());
            ClerkUpload check = new ClerkUpload(contract, ColumnGuard.load(config.piiDir(), territory, Countries.load(config.referenceDir()),
                    contract), territory, config.incomingDir(), config.incomingDir().resolve(".upload-work"),
                    Math.min(config.portal().maxUploadBytes(), config.maxFileBytes()),
                    config.maxRowFields(), Clock.systemUTC());
            check.sweepWorkFolder();
            Uploads uploads = new Uploads(check, forums.uploadReceipts(), config.portal().ingestionDailyAt());
            InternalAccess internalAccess = releases.internalAccess(config.portal().duckdbMemoryLimit(), config.portal().duckdbThreads());
            PortalServices services = new PortalServices(releases, forums, forums.users(), forums.audit(), access, territory,
                    Clock.systemUTC(), config.forumBackupDir(), config.forumBackupsKept(), PortalSecurity.of(config.portal()),
                    internalAccess, institutions, uploads, al.antitrafficking.warehouse.reference.ValueLabels.load(config.referenceDir()));
            RefusedUploads refusedUploads = new RefusedUploads(uploads, releases, internalAccess);
            Javalin app = create(services, network);
            java.util.concurrent.ScheduledExecutorService scheduler = scheduledBackups(forums, config);
            // Uses of internal figures in notebooks and commands wait in the warehouse's audit inbox: taken in now and every minute.
            AuditInbox inbox = AuditInbox.of(config.warehouseDir());
            Runnable takeIn = () -> {
                try {
                    inbox.takeInto(forums.audit());
                } catch (RuntimeException e) {
                    LOG.error("Cannot take in the audit inbox: {}", FailureText.of(e));
                }
                try {
                    int removed = refusedUploads.sweep();
                    if (removed > 0) {
                        LOG.info("Removed {} uploaded file(s) the ingestion run refused from the incoming folder", removed);
                    }
                } catch (RuntimeException e) {
                    LOG.error("Cannot sweep refused uploads: {}", e.getClass().getSimpleName());
                }
            };
            takeIn.run();
            scheduler.scheduleWithFixedDelay(takeIn, 1, 1, java.util.concurrent.TimeUnit.MINUTES);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                scheduler.shutdownNow();
                app.stop();
                forums.close();
            }));
            app.start();
            String scheme = network.keystore() == null ? "http" : "https";
            String host = config.httpHost().equals("127.0.0.1") || config.httpHost().equals("0.0.0.0") ? "localhost" : config.httpHost();
            System.out.println("Portal serving release " + releases.current().id() + " (and each one published after it) on " + scheme
                    + "://" + host + ":" + app.port());
        } catch (RuntimeException | java.io.IOException e) {
            System.err.println("Portal cannot start: " + FailureText.of(e));
            System.exit(1);
        }
    }

    /** A backup of the operational store every {@code forums.backup-every-hours} (0: never), keeping {@code forums.backups-kept}. */
    private static java.util.concurrent.ScheduledExecutorService scheduledBackups(DuckDbForumStore forums, AppConfig config) {
        java.util.concurrent.ScheduledExecutorService scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "forum-backups");
            t.setDaemon(true);
            return t;
        });
        int hours = config.forumBackupEveryHours();
        if (hours > 0) {
            scheduler.scheduleAtFixedRate(() -> {
                try {
                    java.nio.file.Path file = ForumBackups.backup(forums, config.forumBackupDir(), Clock.systemUTC(), config.forumBackupsKept());
                    forums.audit().record(new al.antitrafficking.warehouse.access.AuditEvent(0, null, "portal", null,
                            al.antitrafficking.warehouse.access.AuditEvent.BACKUP, "operational store", file.getFileName().toString(), null,
                            null, "ok"));
                } catch (RuntimeException e) {
                    LOG.error("Scheduled backup of the operational store failed: {}", FailureText.of(e));
                }
            }, hours, hours, java.util.concurrent.TimeUnit.HOURS);
        }
        return scheduler;
    }
}
