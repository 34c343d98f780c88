package al.antitrafficking.portal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to a request Jetty refuses before any route sees it (a malformed request line, header, Host or body framing,
 * an address or headers too long): the same JSON as every other refusal, with a plain message chosen by status, never
 * Jetty's HTML page nor the parser's reason (which can quote what was sent).
 */
final class ProtocolErrors extends ErrorHandler {
    /** Every refusal has its JSON body, whatever the method (Jetty writes one for GET, POST and HEAD only). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause, Callback callback)
            throws IOException {
        String body = "{\"status\":" + status + ",\"error\":\"" + plainMessage(status) + "\"}";
        response.getHeaders().put("Content-Type", "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    static String plainMessage(int status) {
        return switch (status) {
            case 400 -> "Cannot read request: it is not well-formed HTTP";
            case 404 -> "Not found";
            case 405 -> "This method is not allowed here";
            case 413 -> "Request too large";
            case 414 -> "Address too long";
            case 431 -> "Request headers too large";
            case 505 -> "Cannot read request: this HTTP version is not spoken here";
            default -> status < 500 ? "Cannot read request" : "The portal could not answer this request";
        };
    }
}
