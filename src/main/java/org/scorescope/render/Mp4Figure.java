package org.scorescope.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Rational;

/**
 * Figures as an H.264 MP4 (jcodec, pure Java), encoded in memory so that the file goes through the
 * one atomic writer. jcodec stamps the movie, track and media headers ({@code mvhd}, {@code tkhd},
 * {@code mdhd}) with the wall-clock time; those six fields are set to 0 (1904-01-01, the format's
 * epoch) so the same scenario gives the same bytes. Sides are rounded down to even numbers as
 * H.264 requires.
 */
final class Mp4Figure {
    private Mp4Figure() {
    }

    static byte[] bytes(List<Figure> frames, double fps, double scale, IntConsumer progress, BooleanSupplier cancelled) {
        MemoryChannel ch = new MemoryChannel();
        try {
            AWTSequenceEncoder enc = new AWTSequenceEncoder(ch, Rational.R((int) Math.max(1, Math.round(fps)), 1));
            int done = 0;
            for (Figure f : frames) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("export cancelled");
                }
                int[] size = FigureSize.raster(f, scale);
                BufferedImage argb = FigureWriter.image(f, scale, false);
                BufferedImage rgb = new BufferedImage(size[0] & ~1, size[1] & ~1, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = rgb.createGraphics();
                g.drawImage(argb, 0, 0, null);
                g.dispose();
                enc.encodeImage(rgb);
                progress.accept(++done);
            }
            enc.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the MP4: " + e.getMessage(), e);
        }
        byte[] mp4 = ch.toByteArray();
        clearTimes(mp4, 0, mp4.length);
        return mp4;
    }

    /** Sets creation and modification times of every mvhd, tkhd and mdhd box in [from, to) to 0. */
    static void clearTimes(byte[] b, int from, int to) {
        int p = from;
        while (p + 8 <= to) {
            long size = u32(b, p);
            int header = 8;
            if (size == 1) {
                size = (u32(b, p + 8) << 32) | u32(b, p + 12);
                header = 16;
            } else if (size == 0) {
                size = to - p;
            }
            if (size < header || p + size > to) {
                return;
            }
            String type = new String(b, p + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int body = p + header;
            int end = (int) (p + size);
            switch (type) {
                case "moov", "trak", "mdia" -> clearTimes(b, body, end);
                case "mvhd", "tkhd", "mdhd" -> {
                    int width = b[body] == 1 ? 8 : 4;
                    Arrays.fill(b, body + 4, Math.min(end, body + 4 + 2 * width), (byte) 0);
                }
                default -> {
                }
            }
            p = end;
        }
    }

    private static long u32(byte[] b, int p) {
        return ((b[p] & 0xFFL) << 24) | ((b[p + 1] & 0xFFL) << 16) | ((b[p + 2] & 0xFFL) << 8) | (b[p + 3] & 0xFFL);
    }

    /** A growable in-memory seekable channel for jcodec's muxer. */
    static final class MemoryChannel implements SeekableByteChannel {
        private byte[] data = new byte[1 << 16];
        private int size;
        private int position;
        private boolean open = true;

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel setPosition(long p) {
            if (p < 0 || p > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("position " + p);
            }
            position = (int) p;
            return this;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public SeekableByteChannel truncate(long s) {
            if (s < size) {
                size = (int) s;
                position = Math.min(position, size);
            }
            return this;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (position >= size) {
                return -1;
            }
            int n = Math.min(dst.remaining(), size - position);
            dst.put(data, position, n);
            position += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int n = src.remaining();
            long end = (long) position + n;
            if (end > Integer.MAX_VALUE - 8) {
                throw new IOException("the MP4 would exceed 2 GB; lower --size, --scale or the number of frames");
            }
            if (end > data.length) {
                data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(end, 2L * data.length)));
            }
            src.get(data, position, n);
            position += n;
            size = Math.max(size, position);
            return n;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
