package al.antitrafficking.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.IntSupplier;

/** Requests to a running portal, as a client sends them; JSON answers checked for their status and type. */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final IntSupplier port;
    private final java.util.Map<String, String> headers;

    public Http(IntSupplier port) {
        this(port, java.util.Map.of());
    }

    private Http(IntSupplier port, java.util.Map<String, String> headers) {
        this.port = port;
        this.headers = headers;
    }

    /** The same client sending one more header (a cookie, an Origin, another Host) with every request. */
    public Http withHeader(String name, String value) {
        java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new Http(port, more);
    }

    /** A client signed in as one of {@link TestPortal#addAccounts}'s accounts: its session cookie and token on every request. */
    public Http as(String username) {
        return as(username, TestPortal.password(username));
    }

    /** A client signed in with this password (a portal of its own accounts, e.g. the demo's). */
    public Http as(String username, String password) {
        HttpResponse<String> r = send("POST", "/api/v1/session", java.util.Map.of("username", username, "password", password));
        assertThat(r.statusCode()).as("sign in as " + username + ": " + r.body()).isEqualTo(200);
        String setCookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("nrm_session=")).findFirst().orElseThrow();
        try {
            return withHeader("Cookie", setCookie.substring(0, setCookie.indexOf(';')))
                    .withHeader("X-CSRF-Token", JSON.readTree(r.body()).get("csrfToken").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client of the account of a role (its id, e.g. regional_committee). */
    public Http asRole(String role) {
        return as(TestPortal.ACCOUNT_OF_ROLE.get(role));
    }

    public HttpResponse<String> send(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : body instanceof byte[] raw ? HttpRequest.BodyPublishers.ofByteArray(raw)
                    : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return exchange(request(path).method(method, publisher).header("Content-Type", "application/json"), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a file as a data clerk's page does: the bytes themselves, application/octet-stream, its name in the query. */
    public HttpResponse<String> upload(String name, byte[] file) {
        return exchange(request("/api/v1/uploads?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).header("Content-Type", "application/octet-stream"),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    public HttpResponse<byte[]> bytes(String path) {
        return exchange(request(path), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A request to the portal with this client's headers (its cookie and token, if signed in). */
    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + path));
        headers.forEach(request::header);
        return request;
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JSON answer of a call that must have the given status. */
    public JsonNode call(String method, String path, Object body, int status) {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode json(String path, int status) {
        return call("GET", path, null, status);
    }

    /** The message of a refused GET: status 400 and a plain message. */
    public String refusal(String path) {
        return json(path, 400).get("error").asText();
    }
}
