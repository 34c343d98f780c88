package al.antitrafficking.portal;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

/** Reads JSON request bodies; a body that is not the expected JSON is a 400 with a plain message. */
public final class RequestBodies {
    private RequestBodies() {}

    public static <T> T read(Context ctx, Class<T> type) {
        try {
            T body = ctx.bodyAsClass(type);
            if (body == null) {
                throw new BadRequestResponse("Cannot read request: the body is empty");
            }
            return body;
        } catch (BadRequestResponse e) {
            throw e;
        } catch (Exception e) {
            // Javalin's Kotlin code throws Jackson's checked exceptions undeclared: catch them all here.
            throw new BadRequestResponse("Cannot read request: the body is not the expected JSON");
        }
    }

    public static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("Cannot read request: the id in the path is not a number");
        }
    }
}
