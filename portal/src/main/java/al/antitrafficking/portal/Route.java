package al.antitrafficking.portal;

import al.antitrafficking.portal.access.Principal;
import al.antitrafficking.portal.access.WebGuard;
import al.antitrafficking.warehouse.access.Capability;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * One route of the portal with what a caller needs to use it. {@link PortalApp#routes} is the route table: every route
 * is registered from it and checked against it before its handler runs, and the authorisation test walks it.
 */
public record Route(HandlerType method, String path, Need need, Handler handler) {

    /** What a route needs: to be signed in, and/or one of some capabilities. */
    public record Need(String name, Set<Capability> anyOf, boolean signedIn) {
        public static final Need PUBLIC = new Need("public", EnumSet.of(Capability.VIEW_PUBLIC), false);
        public static final Need SIGNED_IN = new Need("signed in", EnumSet.noneOf(Capability.class), true);

        public static Need any(Capability... capabilities) {
            return new Need(Arrays.stream(capabilities).map(Capability::id).reduce((a, b) -> a + " or " + b).orElseThrow(),
                    EnumSet.copyOf(Arrays.asList(capabilities)), true);
        }

        public boolean metBy(Principal p) {
            if (signedIn && !p.signedIn()) {
                return false;
            }
            return anyOf.isEmpty() || anyOf.stream().anyMatch(p::can);
        }
    }

    /** The handler behind the check: 401 for an anonymous caller, 403 for a signed-in one without the capability. */
    public Handler guarded(BodyGate gate) {
        return ctx -> {
            check(ctx);
            if (ctx.contentLength() != 0 && (method == HandlerType.POST || method == HandlerType.PUT)) {
                // A request whose body is still arriving holds a thread while it is read: only so many at once.
                String address = ctx.attribute(WebGuard.CLIENT_ADDRESS);
                try (BodyGate.Pass pass = gate.enter(address == null ? ctx.ip() : address, ctx)) {
                    handler.handle(ctx);
                }
            } else {
                handler.handle(ctx);
            }
        };
    }

    private void check(Context ctx) {
        Principal p = WebGuard.of(ctx);
        if (need.metBy(p)) {
            return;
        }
        if (!p.signedIn()) {
            throw new HttpResponseException(401, "Sign in first: this needs an account (" + need.name() + ")");
        }
        throw new HttpResponseException(403, "Refused: your role (" + p.role() + ") may not do this (it needs " + need.name() + ")");
    }
}
