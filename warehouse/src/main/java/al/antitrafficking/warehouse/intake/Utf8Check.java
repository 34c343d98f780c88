package al.antitrafficking.warehouse.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
        long line = 1;
        long invalidLine = 0;
        long notWindows1250Line = 0;
        boolean multiByte = false;
        try (Bytes in = new Bytes(Files.newInputStream(file))) {
            int need = 0;
            int lower = 0x80;
            int upper = 0xBF;
            int previous = -1;
            for (int b; (b = in.next()) >= 0; previous = b) {
                if (UNDEFINED_IN_WINDOWS_1250[b] && notWindows1250Line == 0) {
                    notWindows1250Line = line;
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
                    invalidLine = invalidLine == 0 ? line : invalidLine;
                    lower = 0x80;
                    upper = 0xBF;
                }
                if (b == '\r' || b == '\n' && previous != '\r') {
                    line++;
                } else if (b >= 0xC2 && b <= 0xDF) {
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
                    invalidLine = invalidLine == 0 ? line : invalidLine;
                }
            }
            if (need > 0) {
                invalidLine = invalidLine == 0 ? line : invalidLine;
            }
        }
        if (invalidLine == 0) {
            return new Utf8Check(multiByte ? Kind.UTF8 : Kind.ASCII, 0, 0);
        }
        return new Utf8Check(multiByte ? Kind.UTF8_WITH_INVALID_BYTES : Kind.NOT_UTF8, invalidLine, notWindows1250Line);
    }

    /** A file's bytes one at a time, from a buffer of our own: InputStream.read() per byte cost as much as tokenising. */
    private static final class Bytes implements AutoCloseable {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;

        Bytes(InputStream in) {
            this.in = in;
        }

        int next() throws IOException {
            if (position == limit) {
                limit = Math.max(in.read(buffer), 0);
                position = 0;
                if (limit == 0) {
                    return -1;
                }
            }
            return buffer[position++] & 0xFF;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
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
