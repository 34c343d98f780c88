package al.antitrafficking.warehouse.forum;

import al.antitrafficking.warehouse.access.Institutions;
import al.antitrafficking.warehouse.access.Passwords;
import al.antitrafficking.warehouse.access.User;
import al.antitrafficking.warehouse.access.UserForm;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.progress.FailureText;
import al.antitrafficking.warehouse.reference.Territory;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command: creates a portal account in the operational store, typically the first administrator (after that,
 * administrators manage accounts in the portal). The password is read from the terminal without echo, or as the first
 * line of standard input when there is no terminal; never from the command line, where other users of the machine could
 * read it. The portal must be stopped (it holds the store).
 *
 * <pre>add-user --username=NAME --role=ROLE --display-name="Full name" [--county=AL-07] [--institution="…"] [--config=…]</pre>
 */
public final class UserCommand {
    private static final List<String> OWN = List.of("username", "role", "display-name", "county", "institution");

    private UserCommand() {}

    public static void main(String[] args) {
        Map<String, String> own = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String key = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : "";
            if (OWN.contains(key)) {
                own.put(key, arg.substring(eq + 1));
            } else {
                rest.add(arg);
            }
        }
        char[] password = null;
        try {
            AppConfig config = AppConfig.fromArgs(rest.toArray(String[]::new));
            Territory territory = Territory.load(config.referenceDir());
            Institutions institutions = Institutions.load(config.referenceDir());
            password = readPassword();
            try (DuckDbForumStore store = DuckDbForumStore.open(config.forumStoreFile(), ForumRules.load(config, territory, Set.of()), Clock.systemUTC(),
                    config.portal().duckDbLimits())) {
                store.accountRules(code -> territory.findCounty(code).isPresent(), name -> institutions.byName(name).isPresent());
                User user = store.users().create(new UserForm(own.get("username"), own.get("display-name"), own.get("role"),
                        own.get("county"), own.get("institution"), false, null), password, "command line");
                store.audit().record(new al.antitrafficking.warehouse.access.AuditEvent(0, null, "command line", null,
                        al.antitrafficking.warehouse.access.AuditEvent.USER_CHANGED, "user " + user.username(),
                        "created with role " + user.role().id(), null, "command line", "ok"));
                System.out.println("Account " + user.username() + " created (" + user.role().id() + ")");
            }
        } catch (InvalidInputException e) {
            System.err.println("Account not created: " + e.fieldErrors());
            System.exit(1);
        } catch (RuntimeException e) {
            System.err.println("Account not created: " + FailureText.of(e));
            System.exit(1);
        } finally {
            Passwords.wipe(password);
        }
    }

    private static char[] readPassword() {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password (at least %d characters): ", Passwords.MIN_LENGTH);
            char[] again = console.readPassword("The same password again: ");
            if (first == null || again == null || !java.util.Arrays.equals(first, again)) {
                throw new IllegalStateException("the two passwords differ");
            }
            Passwords.wipe(again);
            return first;
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalStateException("no password on standard input");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the password: " + e.getMessage(), e);
        }
    }
}
