package al.antitrafficking.warehouse.intake;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a file's bytes say about its encoding, without guessing: a file holding valid multi-byte UTF-8 is UTF-8,
 * and then any byte that is not valid UTF-8 is damage (reported with its line); a file whose only non-ASCII bytes
 * are not UTF-8 at all is an older single-byte export (Windows-1250), unless it holds a byte Windows-1250 leaves
 * undefined (reported with its line too). Lines end at LF, CR LF or a lone CR.
 */
record Utf8Check(Kind kind, long firstInvalidLine, long firstNotWindows1250Line) {
    enum Kind { ASCII, UTF8, UTF8_WITH_INVALID_BYTES, NOT_UTF8 }

    static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
    /** The bytes Windows-1250 gives no character (0x81, 0x83, 0x88, 0x90, 0x98 in the JDK's table). */
    private static final boolean[] UNDEFINED_IN_WINDOWS_1250 = undefinedBytes(WINDOWS_1250);

    static Utf8Check of(Path file) throws IOException {
        long invalidAt = -1;
        long notWindows1250At = -1;
        boolean multiByte = false;
        long offset = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int need = 0;
            int lower = 0x80;
            int upper = 0xBF;
            for (int n; (n = in.read(buffer)) > 0; offset += n) {
                for (int i = 0; i < n; ) {
                    if (need == 0) {
                        // Eight ASCII bytes at a time, nearly all of a file: nothing in them to check.
                        while (i + 8 <= n && ((long) LONGS.get(buffer, i) & 0x8080808080808080L) == 0) {
                            i += 8;
                        }
                        if (i == n) {
                            break;
                        }
                    }
                    int b = buffer[i] & 0xFF;
                    long at = offset + i++;
                    if (UNDEFINED_IN_WINDOWS_1250[b] && notWindows1250At < 0) {
                        notWindows1250At = at;
                    }
                    if (need > 0) {
                        if (b >= lower && b <= upper) {
                            lower = 0x80;
                            upper = 0xBF;
                            if (--need == 0) {
                                multiByte = true;
                            }
                            continue;
                        }
                        need = 0;
                        invalidAt = invalidAt < 0 ? at : invalidAt;
                        lower = 0x80;
                        upper = 0xBF;
                    }
                    if (b >= 0xC2 && b <= 0xDF) {
                        need = 1;
                    } else if (b >= 0xE0 && b <= 0xEF) {
                        need = 2;
                        lower = b == 0xE0 ? 0xA0 : 0x80;
                        upper = b == 0xED ? 0x9F : 0xBF;
                    } else if (b >= 0xF0 && b <= 0xF4) {
                        need = 3;
                        lower = b == 0xF0 ? 0x90 : 0x80;
                        upper = b == 0xF4 ? 0x8F : 0xBF;
                    } else if (b >= 0x80) {
                        invalidAt = invalidAt < 0 ? at : invalidAt;
                    }
                }
            }
            if (need > 0) {
                invalidAt = invalidAt < 0 ? offset : invalidAt;
            }
        }
        if (invalidAt < 0) {
            return new Utf8Check(multiByte ? Kind.UTF8 : Kind.ASCII, 0, 0);
        }
        long[] lines = lines(file, invalidAt, notWindows1250At);
        return new Utf8Check(multiByte ? Kind.UTF8_WITH_INVALID_BYTES : Kind.NOT_UTF8, lines[0], lines[1]);
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * The lines of the bytes at the given offsets (0 for an offset of -1; the file's length is the last line, where a
     * sequence cut off at the end is found), read again only for a file that is not plain UTF-8: a byte's line is one more
     * than the line ends before it (LF, CR LF or a lone CR).
     */
    private static long[] lines(Path file, long... offsets) throws IOException {
        long[] lines = new long[offsets.length];
        long line = 1;
        long offset = 0;
        int previous = -1;
        long last = java.util.Arrays.stream(offsets).max().orElse(-1);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            // Read no further than the last offset asked for (in an older single-byte export, often on the first line).
            for (int n = 0; n >= 0 && offset <= last; offset += n) {
                n = in.read(buffer);
                for (int i = 0; i <= Math.max(n, 0); i++) {
                    for (int k = 0; k < offsets.length; k++) {
                        if (offsets[k] == offset + i) {
                            lines[k] = line;
                        }
                    }
                    if (i == n || n < 0) {
                        break;
                    }
                    int b = buffer[i] & 0xFF;
                    if (b == '\r' || b == '\n' && previous != '\r') {
                        line++;
                    }
                    previous = b;
                }
            }
        }
        return lines;
    }

    private static boolean[] undefinedBytes(Charset charset) {
        boolean[] undefined = new boolean[256];
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int b = 0; b < 256; b++) {
            try {
                decoder.reset().decode(ByteBuffer.wrap(new byte[] {(byte) b}));
            } catch (CharacterCodingException e) {
                undefined[b] = true;
            }
        }
        return undefined;
    }
}
