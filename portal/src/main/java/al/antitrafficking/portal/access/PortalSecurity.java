package al.antitrafficking.portal.access;

import al.antitrafficking.warehouse.config.AppConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The portal's network and sign-in settings (from {@code portal.*} in {@code conf/application.properties}).
 * {@code secureCookies}: empty means "when the request came over TLS" (directly, or per a trusted proxy).
 */
public record PortalSecurity(List<String> allowedHosts, List<String> trustedProxies, Optional<Boolean> secureCookies,
                             Duration sessionIdle, Duration sessionMax, int signInMaxFailures, Duration signInLock) {

    public static PortalSecurity of(AppConfig.PortalSettings p) {
        Optional<Boolean> secure = p.secureCookies().equals("auto") ? Optional.empty() : Optional.of(Boolean.parseBoolean(p.secureCookies()));
        return new PortalSecurity(p.allowedHosts(), p.trustedProxies(), secure, Duration.ofMinutes(p.sessionIdleMinutes()),
                Duration.ofHours(p.sessionMaxHours()), p.signInMaxFailures(), Duration.ofMinutes(p.signInLockMinutes()));
    }

    /** The defaults: loopback only, as {@code conf/application.properties} ships. */
    public static PortalSecurity loopback() {
        return new PortalSecurity(List.of("localhost", "127.0.0.1"), List.of(), Optional.empty(), Duration.ofMinutes(30),
                Duration.ofHours(12), 5, Duration.ofMinutes(15));
    }
}
