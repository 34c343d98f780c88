package al.antitrafficking.etl.ingest;

import al.antitrafficking.warehouse.config.AppConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of everything besides the files themselves that decides what a file becomes: the contract,
 * the reference data, the personal-data guard's lists and patterns, the bad-row threshold and file limits, the warehouse key (by a pseudonym of a
 * constant, never the key), the form of the keys stored and the version of the row checks' code ({@link Conformer#CHECKS}). A slice
 * is carried over only when its file and this fingerprint are unchanged.
 */
final class RulesFingerprint {
    private RulesFingerprint() {}

    static String of(AppConfig config, Pseudonyms pseudonyms) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Files.readAllBytes(config.contractFile()));
            for (String file : al.antitrafficking.warehouse.pii.PiiGuard.files()) {
                digest.update(Files.readAllBytes(config.piiDir().resolve(file)));
            }
            List<Path> reference;
            try (Stream<Path> files = Files.list(config.referenceDir())) {
                reference = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
            }
            for (Path f : reference) {
                digest.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(f));
            }
            digest.update(Double.toString(config.maxBadRowShare()).getBytes(StandardCharsets.UTF_8));
            digest.update((config.maxFileBytes() + "/" + config.maxRowFields()).getBytes(StandardCharsets.UTF_8));
            digest.update(pseudonyms.of("rules-fingerprint").getBytes(StandardCharsets.UTF_8));
            digest.update(Pseudonyms.STORED_KEY_FORMAT.getBytes(StandardCharsets.UTF_8));
            digest.update(Conformer.CHECKS.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rules to fingerprint", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot compute SHA-256", e);
        }
    }
}
