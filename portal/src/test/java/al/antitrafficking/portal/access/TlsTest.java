package al.antitrafficking.portal.access;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.PortalApp;
import al.antitrafficking.portal.PortalFixture;
import al.antitrafficking.portal.TestPortal;
import al.antitrafficking.warehouse.forum.DuckDbForumStore;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal serving HTTPS from a PKCS#12 keystore, as the README's "Serving over a network" sets it up. */
class TlsTest {
    static final PortalFixture FIXTURE = PortalFixture.get();

    @TempDir
    Path dir;

    @Test
    void servesHttpsWithTheKeystoreHstsAndSecureSessionCookies() throws Exception {
        Path keystore = dir.resolve("portal.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "portal", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "test-only-store",
                "-keypass", "test-only-store").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();

        try (DuckDbForumStore store = TestPortal.store(dir, FIXTURE.release())) {
            Javalin app = PortalApp.create(TestPortal.services(FIXTURE.releases, store, dir),
                    new PortalApp.Network(20, 50, "127.0.0.1", 0, keystore, "test-only-store".toCharArray())).start();
            try {
                // The client trusts exactly this certificate, as a browser would after the operator installs it.
                KeyStore trusted = KeyStore.getInstance("PKCS12");
                try (var in = java.nio.file.Files.newInputStream(keystore)) {
                    trusted.load(in, "test-only-store".toCharArray());
                }
                KeyStore onlyCert = KeyStore.getInstance(KeyStore.getDefaultType());
                onlyCert.load(null, null);
                onlyCert.setCertificateEntry("portal", (X509Certificate) trusted.getCertificate("portal"));
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(onlyCert);
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, tmf.getTrustManagers(), null);
                HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
                String base = "https://localhost:" + app.port();

                HttpResponse<String> snapshot = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/snapshot")).build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"statistician\",\"password\":\"" + TestPortal.password("statistician") + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(snapshot.statusCode()).isEqualTo(200);
                assertThat(snapshot.body()).contains(FIXTURE.releaseId);
                assertThat(snapshot.headers().firstValue("Strict-Transport-Security")).get().asString().startsWith("max-age=");
                assertThat(signIn.statusCode()).isEqualTo(200);
                assertThat(signIn.headers().firstValue("Set-Cookie")).get().asString().contains("Secure").contains("HttpOnly");
            } finally {
                app.stop();
            }
        }
    }
}
