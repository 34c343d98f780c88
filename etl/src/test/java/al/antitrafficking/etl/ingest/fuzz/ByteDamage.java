package al.antitrafficking.etl.ingest.fuzz;

import java.util.Random;

/**
 * Damage at the level of bytes, blind to CSV: bytes flipped, deleted or inserted (separators, quotes, line ends, NUL,
 * bytes that start or break UTF-8 sequences), garbage written over part of a zip, files of random bytes; and where a
 * line starts in a file's bytes (lines end at LF: the base files have no other line end).
 */
final class ByteDamage {
    static final int[] INSERTED = {'"', ',', ';', '\n', '\r', 0, 0xC3, 0xFF, 0x81, 0xEB, ' ', '\t'};

    private final Random random;

    ByteDamage(Random random) {
        this.random = random;
    }

    byte[] flips(byte[] bytes) {
        byte[] b = bytes.clone();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            int at = random.nextInt(b.length);
            b[at] = (byte) (b[at] ^ (random.nextBoolean() ? 1 << random.nextInt(8) : 1 + random.nextInt(255)));
        }
        return b;
    }

    byte[] deletions(byte[] bytes) {
        byte[] b = bytes;
        for (int i = 1 + random.nextInt(3); i > 0 && b.length > 1; i--) {
            int at = random.nextInt(b.length);
            int len = Math.min(b.length - at, 1 + random.nextInt(random.nextBoolean() ? 2 : 40));
            byte[] out = new byte[b.length - len];
            System.arraycopy(b, 0, out, 0, at);
            System.arraycopy(b, at + len, out, at, b.length - at - len);
            b = out;
        }
        return b;
    }

    byte[] insertions(byte[] bytes) {
        byte[] b = bytes;
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            int at = random.nextInt(b.length + 1);
            byte[] out = new byte[b.length + 1];
            System.arraycopy(b, 0, out, 0, at);
            out[at] = (byte) (random.nextInt(5) == 0 ? random.nextInt(256) : INSERTED[random.nextInt(INSERTED.length)]);
            System.arraycopy(b, at, out, at + 1, b.length - at);
            b = out;
        }
        return b;
    }

    byte[] garbageIn(byte[] zip) {
        byte[] b = zip.clone();
        if (random.nextBoolean()) {
            for (int i = 1 + random.nextInt(8); i > 0; i--) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
        } else {
            int len = 16 + random.nextInt(48);
            int at = random.nextInt(b.length - len);
            for (int i = at; i < at + len; i++) {
                b[i] = (byte) random.nextInt(256);
            }
        }
        return b;
    }

    byte[] garbage() {
        byte[] b = new byte[1 + random.nextInt(random.nextBoolean() ? 64 : 64 * 1024)];
        random.nextBytes(b);
        if (random.nextBoolean()) {
            // Text-like garbage: mostly ASCII with separators and line ends, so the CSV reader gets further.
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (random.nextInt(8) == 0 ? INSERTED[random.nextInt(INSERTED.length)] : 32 + random.nextInt(95));
            }
        }
        return b;
    }

    /** The offset where line {@code line} (1-based) starts, or the length when there is no such line. */
    static int lineStart(byte[] bytes, int line) {
        int current = 1;
        for (int i = 0; i < bytes.length && current < line; i++) {
            if (bytes[i] == '\n') {
                current++;
                if (current == line) {
                    return i + 1;
                }
            }
        }
        return line == 1 ? 0 : bytes.length;
    }

    static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
