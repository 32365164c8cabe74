package org.scorescope.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the text files a user gives (scenario JSON, init CSV, grid files): UTF-8, with or without
 * a byte-order mark; every problem is a {@link BadInputException} naming the flag and the file in
 * plain words (no such file, a folder, permission denied, not UTF-8 at line L, too large).
 */
public final class TextInput {
    private TextInput() {
    }

    /** The whole file as text (at most {@code maxBytes} bytes). */
    public static String read(Path file, String label, long maxBytes) {
        byte[] bytes;
        try (InputStream in = open(file, label)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw unreadable(file, label, e);
        }
        if (bytes.length > maxBytes) {
            throw new BadInputException(label, "'" + file + "' is larger than " + size(maxBytes) + "; is it the right file?");
        }
        int start = bomLength(bytes, file, label);
        CharsetDecoder dec = strictUtf8();
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            throw notUtf8(file, label, bytes, in.position(), start);
        }
        dec.flush(out);
        out.flip();
        return out.toString();
    }

    /** Lines of a file, read as a stream (for files too large to hold as text). */
    public static Lines lines(Path file, String label) {
        InputStream in = open(file, label);
        try {
            return new Lines(in, file, label);
        } catch (IOException e) {
            closeQuietly(in);
            throw unreadable(file, label, e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /**
     * Lines with their numbers (split on '\n', a trailing '\r' dropped), each decoded on its own so
     * that a line that is not UTF-8 is named exactly, as a {@link BadInputException}.
     */
    public static final class Lines implements Closeable {
        private final InputStream in;
        private final Path file;
        private final String label;
        private final CharsetDecoder decoder = strictUtf8();
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private boolean end;
        private byte[] line = new byte[256];
        private int length;
        private int number;

        private Lines(InputStream in, Path file, String label) throws IOException {
            this.in = in;
            this.file = file;
            this.label = label;
            fill();
            byte[] head = java.util.Arrays.copyOf(buffer, Math.min(limit, 3));
            position = bomLength(head, file, label);
        }

        private void fill() throws IOException {
            position = 0;
            limit = Math.max(0, in.readNBytes(buffer, 0, buffer.length));
            end = limit < buffer.length;
        }

        /** The next line, or null at the end. */
        public String next() {
            length = 0;
            boolean newline = false;
            try {
                while (true) {
                    if (position == limit) {
                        if (end) {
                            break;
                        }
                        fill();
                        continue;
                    }
                    int start = position;
                    while (position < limit && buffer[position] != '\n') {
                        position++;
                    }
                    append(start, position - start);
                    if (position < limit) {
                        position++;
                        newline = true;
                        break;
                    }
                }
            } catch (IOException e) {
                throw unreadable(file, label, e);
            }
            if (!newline && length == 0) {
                return null;
            }
            number++;
            int n = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
            try {
                return decoder.reset().decode(ByteBuffer.wrap(line, 0, n)).toString();
            } catch (CharacterCodingException e) {
                throw new BadInputException(label, "'" + file + "' is not UTF-8 text (line " + number + "); save it as UTF-8");
            }
        }

        private void append(int from, int count) {
            if (length + count > line.length) {
                line = java.util.Arrays.copyOf(line, Math.max(2 * line.length, length + count));
            }
            System.arraycopy(buffer, from, line, length, count);
            length += count;
        }

        /** The number of the line last returned (1-based). */
        public int number() {
            return number;
        }

        @Override
        public void close() {
            closeQuietly(in);
        }
    }

    private static InputStream open(Path file, String label) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(label, "'" + file + "' is a folder, not a file");
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw unreadable(file, label, e);
        }
    }

    private static BadInputException unreadable(Path file, String label, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new BadInputException(label, "no such file '" + file + "'");
        }
        return new BadInputException(label, "cannot read '" + file + "': " + FileProblems.reason(e));
    }

    private static int bomLength(byte[] b, Path file, String label) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return 3;
        }
        if (b.length >= 2 && ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF || (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE)) {
            throw new BadInputException(label, "'" + file + "' is UTF-16 text; save it as UTF-8");
        }
        return 0;
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static BadInputException notUtf8(Path file, String label, byte[] bytes, int at, int start) {
        int line = 1;
        int column = 1;
        for (int i = start; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return new BadInputException(label, String.format("'%s' is not UTF-8 text (byte 0x%02X at line %d, column %d); save it as UTF-8",
                file, bytes[at] & 0xFF, line, column));
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
