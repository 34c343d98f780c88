package al.antitrafficking.warehouse.forum;

import al.antitrafficking.warehouse.access.Passwords;
import al.antitrafficking.warehouse.access.Role;
import al.antitrafficking.warehouse.access.User;
import al.antitrafficking.warehouse.access.UserForm;
import al.antitrafficking.warehouse.access.UserStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link UserStore} in the operational store's file. Accounts are checked here (username shape, a known role, a county
 * for county-bound roles, an institution for partner organisations) and saved whole or not at all.
 */
final class DuckDbUserStore implements UserStore {
    private static final String COLUMNS = "username, display_name, role, county_code, institution, disabled, must_change_password, "
            + "version, created_at, updated_at, updated_by";

    private final DuckDbForumStore store;
    private final Clock clock;
    private volatile java.util.function.Predicate<String> knownCounty = code -> code.matches("AL-[0-9]{2}");
    private volatile java.util.function.Predicate<String> knownInstitution = name -> !name.isBlank();

    DuckDbUserStore(DuckDbForumStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void accountRules(java.util.function.Predicate<String> knownCounty, java.util.function.Predicate<String> knownInstitution) {
        this.knownCounty = knownCounty;
        this.knownInstitution = knownInstitution;
    }

    @Override
    public List<User> users() {
        return store.read(c -> select(c, null));
    }

    @Override
    public Optional<User> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return store.read(c -> select(c, username.strip().toLowerCase(java.util.Locale.ROOT))).stream().findFirst();
    }

    @Override
    public Optional<User> authenticate(String username, char[] password) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        String hash = store.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT password_hash FROM app_user WHERE username = ? AND NOT disabled")) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        // Verified even without an account, so that the answer takes as long either way.
        boolean ok = Passwords.matches(password, hash);
        return ok ? find(name) : Optional.empty();
    }

    @Override
    public User create(UserForm form, char[] password, String by) {
        Checked v = check(form, true);
        Map<String, String> errors = new LinkedHashMap<>(v.errors);
        Passwords.problem(password, v.username).ifPresent(p -> errors.put("password", p));
        if (!errors.isEmpty()) {
            throw new InvalidInputException("user", errors);
        }
        String hash = Passwords.hash(password);
        return store.write(c -> {
            if (!select(c, v.username).isEmpty()) {
                throw new InvalidInputException("user", Map.of("username", "already taken"));
            }
            String now = clock.instant().toString();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO app_user VALUES (?, ?, ?, ?, ?, ?, ?, false, 1, ?, ?, ?)")) {
                p.setString(1, v.username);
                p.setString(2, v.displayName);
                p.setString(3, v.role.id());
                p.setString(4, v.county);
                p.setString(5, v.institution);
                p.setString(6, hash);
                p.setBoolean(7, Boolean.TRUE.equals(form.disabled()));
                p.setString(8, now);
                p.setString(9, now);
                p.setString(10, by);
                p.executeUpdate();
            }
            return select(c, v.username).get(0);
        });
    }

    @Override
    public User update(String username, UserForm form, String by) {
        if (form.version() == null) {
            throw new InvalidInputException("user", Map.of("version", "required: the version you edited"));
        }
        User current = find(username).orElseThrow(() -> new java.util.NoSuchElementException("No user " + username));
        Checked v = check(new UserForm(current.username(), form.displayName(), form.role(), form.county(), form.institution(),
                form.disabled(), form.version()), false);
        if (!v.errors.isEmpty()) {
            throw new InvalidInputException("user", v.errors);
        }
        boolean staysAdministrator = v.role == Role.ADMINISTRATOR && !Boolean.TRUE.equals(form.disabled());
        return store.write(c -> {
            if (current.role() == Role.ADMINISTRATOR && !staysAdministrator && otherActiveAdministrators(c, current.username()) == 0) {
                throw new InvalidInputException("user", Map.of("role", "the last active administrator cannot be disabled or given another "
                        + "role: make another administrator first"));
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE app_user SET display_name = ?, role = ?, county_code = ?, institution = ?, "
                    + "disabled = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE username = ? AND version = ?")) {
                p.setString(1, v.displayName);
                p.setString(2, v.role.id());
                p.setString(3, v.county);
                p.setString(4, v.institution);
                p.setBoolean(5, Boolean.TRUE.equals(form.disabled()));
                p.setString(6, clock.instant().toString());
                p.setString(7, by);
                p.setString(8, current.username());
                p.setInt(9, form.version());
                if (p.executeUpdate() == 0) {
                    throw new VersionConflictException("user " + current.username(), form.version(), current.version(), current);
                }
            }
            return select(c, current.username()).get(0);
        });
    }

    @Override
    public User setPassword(String username, char[] password, boolean mustChange, String by) {
        User current = find(username).orElseThrow(() -> new java.util.NoSuchElementException("No user " + username));
        Passwords.problem(password, current.username()).ifPresent(p -> {
            throw new InvalidInputException("password", Map.of("password", p));
        });
        String hash = Passwords.hash(password);
        return store.write(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE app_user SET password_hash = ?, must_change_password = ?, "
                    + "version = version + 1, updated_at = ?, updated_by = ? WHERE username = ?")) {
                p.setString(1, hash);
                p.setBoolean(2, mustChange);
                p.setString(3, clock.instant().toString());
                p.setString(4, by);
                p.setString(5, current.username());
                p.executeUpdate();
            }
            return select(c, current.username()).get(0);
        });
    }

    @Override
    public boolean hasAdministrator() {
        return users().stream().anyMatch(u -> u.role() == Role.ADMINISTRATOR && !u.disabled());
    }

    private record Checked(String username, String displayName, Role role, String county, String institution, Map<String, String> errors) {}

    private Checked check(UserForm form, boolean creating) {
        Map<String, String> errors = new LinkedHashMap<>();
        String username = form.username() == null ? "" : form.username().strip().toLowerCase(java.util.Locale.ROOT);
        if (creating && !username.matches("[a-z][a-z0-9._-]{2,39}")) {
            errors.put("username", "3 to 40 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter");
        }
        String displayName = form.displayName() == null ? "" : form.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > 100 || displayName.chars().anyMatch(Character::isISOControl)) {
            errors.put("displayName", "required, at most 100 characters, no control characters");
        }
        Role role = Role.of(form.role() == null ? "" : form.role()).orElse(null);
        if (role == null) {
            errors.put("role", "one of " + java.util.Arrays.stream(Role.values()).map(Role::id).toList());
        }
        String county = blankToNull(form.county());
        String institution = blankToNull(form.institution());
        if (role != null && role.scope() == Role.Scope.COUNTY) {
            if (county == null || !knownCounty.test(county)) {
                errors.put("county", "required for " + role.id() + ": a county code such as AL-07");
            }
        } else if (county != null) {
            errors.put("county", "only for roles bound to a county");
        }
        if (role != null && role.scope() == Role.Scope.INSTITUTION) {
            if (institution == null || !knownInstitution.test(institution)) {
                errors.put("institution", "required for " + role.id() + ": one of the institutions of conf/reference/institutions.csv");
            }
        } else if (institution != null) {
            errors.put("institution", "only for partner organisations");
        }
        return new Checked(username, displayName, role, county, institution, errors);
    }

    private static int otherActiveAdministrators(Connection c, String username) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM app_user WHERE role = ? AND NOT disabled AND username <> ?")) {
            p.setString(1, Role.ADMINISTRATOR.id());
            p.setString(2, username);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<User> select(Connection c, String username) throws SQLException {
        List<User> users = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM app_user WHERE ? IS NULL OR username = ? ORDER BY username")) {
            p.setString(1, username);
            p.setString(2, username);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    users.add(new User(rs.getString(1), rs.getString(2), Role.of(rs.getString(3)).orElseThrow(), rs.getString(4),
                            rs.getString(5), rs.getBoolean(6), rs.getBoolean(7), rs.getInt(8), rs.getString(9), rs.getString(10),
                            rs.getString(11)));
                }
            }
        }
        return users;
    }
}
