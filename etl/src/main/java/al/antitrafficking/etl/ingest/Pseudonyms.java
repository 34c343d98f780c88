package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
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
        return HexFormat.of().formatHex(mac(key).doFinal(text.getBytes(UTF_8)));
    }

    /**
     * The key the warehouse stores, as a Spark expression: the first 8 bytes of the HMAC-SHA256 of the text's UTF-8 bytes,
     * read as a signed big-endian 64-bit integer; null for a null text. Eight bytes of a keyed hash are as opaque as 32;
     * two children out of a million share one with a chance of about 1 in 37 million, against 64 characters to hash and
     * compare in every scan.
     *
     * <p>A Java function Spark calls on each value's bytes (a string's bytes in Spark are its UTF-8), with the JDK's HMAC:
     * built from Spark's own functions ({@code sha2} twice, with hexadecimal text in and out, then {@code conv}) the key
     * was a seventh of the executors' time at 10M rows (docs/benchmarks.md, 2026-12-03, a nineteenth session). The class is
     * in the job's jar, so it runs unchanged on a cluster; the key travels in the task as the expression's literals did.
     */
    public Column key(Column text) {
        return functions.udf(new KeyFunction(key), DataTypes.LongType).apply(text.cast(DataTypes.BinaryType));
    }

    /** HMAC-SHA256 of the bytes under the key, first 8 bytes as a signed big-endian long; one {@link Mac} per thread. */
    private static final class KeyFunction implements UDF1<byte[], Long> {
        private static final long serialVersionUID = 1L;
        private final byte[] key;
        private transient ThreadLocal<Mac> macs;

        KeyFunction(byte[] key) {
            this.key = key.clone();
            this.macs = perThread(this.key);
        }

        private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            macs = perThread(key);
        }

        /** A task's copy is deserialized on the executor: its macs are made there, one per thread that calls it. */
        private static ThreadLocal<Mac> perThread(byte[] key) {
            return ThreadLocal.withInitial(() -> mac(key));
        }

        @Override
        public Long call(byte[] bytes) {
            if (bytes == null) {
                return null;
            }
            byte[] h = macs.get().doFinal(bytes);
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = v << 8 | (h[i] & 0xFFL);
            }
            return v;
        }
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Cannot compute HMAC-SHA256", e);
        }
    }
}
