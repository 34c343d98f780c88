package al.antitrafficking.warehouse.intake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encoding check against the JDK's own strict decoders, on random files: long ASCII runs (read eight bytes at a time),
 * every kind of line end, valid UTF-8 of two, three and four bytes, stray bytes, sequences cut off (at the end too), bytes
 * Windows-1250 leaves undefined, and files of more than one 64 KiB read. The kind, the line of the first byte that is not
 * UTF-8 and the line of the first byte Windows-1250 cannot read must be what the decoders say.
 */
class Utf8CheckTest {
    @TempDir
    Path dir;

    @Test
    void kindAndLinesAreWhatTheJdksDecodersSay() throws Exception {
        Random random = new Random(20261203);
        byte[][] pieces = {"ë".getBytes(UTF_8), "€".getBytes(UTF_8), "😀".getBytes(UTF_8), {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0x81},
            {(byte) 0x98}, {(byte) 0xEB}, {'\r'}, {'\n'}, {'\r', '\n'}};
        int[] kinds = new int[Utf8Check.Kind.values().length];
        for (int round = 0; round < 500; round++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int length = random.nextInt(10) == 0 ? 70_000 + random.nextInt(80_000) : random.nextInt(300);
            // Plain ASCII, valid UTF-8, anything (stray bytes too, as rarely as once a file), or single bytes of 0x80-0xFF
            // between ASCII ones, as an older single-byte export writes its letters.
            int mode = random.nextInt(5);
            while (out.size() < length) {
                if (mode == 4 && random.nextInt(12) == 0) {
                    out.write(0x80 + random.nextInt(0x80));
                    out.write('a');
                } else if (mode == 4) {
                    out.write('a' + random.nextInt(26));
                } else if (mode > 0 && random.nextInt(12) == 0) {
                    out.write(pieces[random.nextInt(3)]);
                } else if (mode > 1 && random.nextInt(mode == 2 ? length + 1 : 12) == 0) {
                    out.write(pieces[random.nextInt(pieces.length)]);
                } else {
                    out.write('a' + random.nextInt(26));
                }
                if (random.nextInt(40) == 0) {
                    out.write(random.nextBoolean() ? '\n' : '\r');
                }
            }
            if (mode > 1 && mode < 4 && random.nextInt(8) == 0) {
                out.write(0xF0);
            }
            byte[] bytes = out.toByteArray();
            kinds[assertReadAsTheDecodersReadIt(bytes, "round " + round).ordinal()]++;
        }
        for (Utf8Check.Kind kind : Utf8Check.Kind.values()) {
            assertThat(kinds[kind.ordinal()]).as("files of kind %s", kind).isGreaterThan(30);
        }
    }

    /**
     * The check reads 64 KiB at a time, and ASCII eight bytes at a time: every sequence, cut-off sequence and line end
     * is put at each of the eleven offsets around the end of the first read (from nine bytes before it, so that the eight
     * bytes before it are read either way, to one after), alone, then followed by a byte that is not UTF-8 (so the lines
     * are counted across the edge too) and by one Windows-1250 leaves undefined.
     */
    @Test
    void sequencesAndLineEndsAcrossTheEdgeOfARead() throws Exception {
        byte[][] pieces = {"ë".getBytes(UTF_8), "€".getBytes(UTF_8), "😀".getBytes(UTF_8), {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0x80}, {'\r', '\n'}, {'\r'}, {'\n'}};
        int edge = 1 << 16;
        int[] kinds = new int[Utf8Check.Kind.values().length];
        for (int p = 0; p < pieces.length; p++) {
            for (int start = edge - 9; start <= edge + 1; start++) {
                for (int after : new int[] {-1, 0x80, 0x81}) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    while (out.size() < start) {
                        out.write(out.size() % 97 == 96 ? '\n' : 'a' + out.size() % 26);
                    }
                    out.write(pieces[p]);
                    out.write("bc\nde".getBytes(UTF_8));
                    if (after >= 0) {
                        out.write(after);
                    }
                    kinds[assertReadAsTheDecodersReadIt(out.toByteArray(), "piece " + p + " at " + start + ", then " + after)
                            .ordinal()]++;
                }
            }
        }
        for (Utf8Check.Kind kind : Utf8Check.Kind.values()) {
            assertThat(kinds[kind.ordinal()]).as("files of kind %s", kind).isGreaterThan(10);
        }
    }

    /**
     * Writes the bytes to a file, checks it, and asserts the kind and the lines the JDK's strict UTF-8 and Windows-1250
     * decoders give; returns the kind.
     */
    private Utf8Check.Kind assertReadAsTheDecodersReadIt(byte[] bytes, String label) throws Exception {
        Path file = Files.createTempFile(dir, "f", ".csv");
        Files.write(file, bytes);

        Utf8Check check = Utf8Check.of(file);

        long invalid = firstMalformed(bytes, UTF_8.newDecoder());
        long undefined = firstMalformed(bytes, Utf8Check.WINDOWS_1250.newDecoder());
        boolean ascii = true;
        for (byte b : bytes) {
            ascii &= b >= 0;
        }
        Utf8Check.Kind expected = invalid < 0 ? (ascii ? Utf8Check.Kind.ASCII : Utf8Check.Kind.UTF8)
                : (decodesSomethingBeyondAscii(bytes) ? Utf8Check.Kind.UTF8_WITH_INVALID_BYTES : Utf8Check.Kind.NOT_UTF8);
        assertThat(check.kind()).as(label).isEqualTo(expected);
        assertThat(check.firstInvalidLine()).as(label).isEqualTo(invalid < 0 ? 0 : line(bytes, invalid));
        assertThat(check.firstNotWindows1250Line()).as(label).isEqualTo(invalid < 0 || undefined < 0 ? 0 : line(bytes, undefined));
        Files.delete(file);
        return expected;
    }

    /** Where the decoder first finds input it cannot read, or -1. */
    private static long firstMalformed(byte[] bytes, CharsetDecoder decoder) {
        decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : -1;
    }

    /** Whether any well-formed sequence of more than one byte is in the bytes: decoding them, skipping what is malformed. */
    private static boolean decodesSomethingBeyondAscii(byte[] bytes) {
        CharsetDecoder decoder = UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(2 * bytes.length + 2);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError()) {
                break;
            }
            in.position(in.position() + result.length());
        }
        out.flip();
        return out.chars().anyMatch(c -> c > 0x7F);
    }

    /** One more than the line ends (LF, CR LF, lone CR) before the offset. */
    private static long line(byte[] bytes, long offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\r' || bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
                line++;
            }
        }
        return line;
    }
}
