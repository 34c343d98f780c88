package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.conv;
import static org.apache.spark.sql.functions.encode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.unhex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * Keyed pseudonyms: HMAC-SHA256 under a secret key. The region computes the child's pseudonym from the
 * child's identity with its regional key; the warehouse re-keys every pseudonym with its own key, so the
 * regional key alone cannot tie a warehouse row back to a child. Keys come from a file or an environment
 * variable, never from git; a missing or short key is a clear error.
 */
public final class Pseudonyms {
    private static final int MIN_KEY_BYTES = 16;
    /** How a stored key is derived; part of the rules' fingerprint, so a change re-keys every slice. */
    static final String STORED_KEY_FORMAT = "hmac-sha256, first 8 bytes as a signed 64-bit integer";
    private final byte[] key;

    private Pseudonyms(byte[] key) {
        this.key = key.clone();
    }

    /**
     * The key from the file if given, else from the environment variable; {@code what} names the key in errors.
     */
    public static Pseudonyms fromKey(Optional<Path> keyFile, String environmentVariable, String what) {
        String text;
        if (keyFile.isPresent() && Files.isRegularFile(keyFile.get())) {
            try {
                text = Files.readString(keyFile.get(), UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the " + what + " key file " + keyFile.get(), e);
            }
        } else if (System.getenv(environmentVariable) != null) {
            text = System.getenv(environmentVariable).strip();
        } else {
            throw new IllegalStateException("Cannot pseudonymise: no " + what + " key: put it in "
                    + keyFile.map(Path::toString).orElse("a key file") + " or set " + environmentVariable
                    + " (at least " + MIN_KEY_BYTES + " characters; never commit a key)");
        }
        if (text.getBytes(UTF_8).length < MIN_KEY_BYTES) {
            throw new IllegalStateException("Cannot pseudonymise: the " + what + " key is shorter than " + MIN_KEY_BYTES + " characters");
        }
        return new Pseudonyms(text.getBytes(UTF_8));
    }

    /** HMAC-SHA256 of the text, as 64 lowercase hexadecimal characters. */
    public String of(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Cannot compute HMAC-SHA256", e);
        }
    }

    /**
     * The key the warehouse stores, as a Spark expression: the first 8 bytes of the HMAC-SHA256 of the text (its first 16
     * hexadecimal digits), read as a signed big-endian 64-bit integer; null for a null text. Eight bytes of a keyed hash
     * are as opaque as 32; two children out of a million share one with a chance of about 1 in 37 million, against 64
     * characters to hash and compare in every scan.
     */
    public Column key(Column text) {
        return conv(substring(of(text), 1, 16), 16, -10).cast(DataTypes.LongType);
    }

    /**
     * The same HMAC-SHA256 as a Spark expression, built from SHA-256 as RFC 2104 defines it:
     * H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)), with K padded to the 64-byte block. No user function is needed,
     * so it runs unchanged on a cluster.
     */
    public Column of(Column text) {
        byte[] block = new byte[64];
        byte[] k = key.length > 64 ? sha256(key) : key;
        System.arraycopy(k, 0, block, 0, k.length);
        byte[] ipad = new byte[64];
        byte[] opad = new byte[64];
        for (int i = 0; i < 64; i++) {
            ipad[i] = (byte) (block[i] ^ 0x36);
            opad[i] = (byte) (block[i] ^ 0x5c);
        }
        Column inner = unhex(sha2(concat(lit(ipad), encode(text, "UTF-8")), 256));
        return sha2(concat(lit(opad), inner), 256);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot compute SHA-256", e);
        }
    }
}
