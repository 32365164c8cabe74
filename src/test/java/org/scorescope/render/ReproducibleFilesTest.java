package org.scorescope.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorescope.engine.Engine;
import org.scorescope.scenario.Scenario;

/**
 * Issue 11: the same scenario gives the same bytes in every format — PNG, SVG (no random clip
 * ids), PDF (no dates, a file id from the scenario), GIF and MP4 (no encoder time stamps) — also
 * when computed on a different number of threads.
 */
class ReproducibleFilesTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void writeTwice() throws Exception {
        writeAll(dir.resolve("a"), 1);
        writeAll(dir.resolve("b"), 2);
    }

    private static void writeAll(Path folder, int threads) throws Exception {
        Files.createDirectories(folder);
        // 600 particles: the SVG and PDF draw vector dots inside clipped groups.
        Scenario s = Figures.ring(600, "ddpm", "ddim-exact");
        try (Engine engine = new Engine(threads)) {
            Figure f = FigureBuilder.steps(s, new int[] {8, 4, 0}, null, 120, 120, Figures.allLayers(), engine);
            FigureWriter.png(f, folder.resolve("f.png"), 1.5, false);
            FigureWriter.svg(f, folder.resolve("f.svg"));
            FigureWriter.pdf(f, folder.resolve("f.pdf"));
            List<Figure> frames = FigureBuilder.animation(s, new int[] {8, 5, 2, 0}, null, 96, 96, Figures.allLayers(), engine);
            FigureWriter.gif(frames, folder.resolve("a.gif"), 4, 1);
            FigureWriter.mp4(frames, folder.resolve("a.mp4"), 4, 1);
        }
    }

    @Test
    void everyFormatIsByteIdenticalOnARerunAndOnAnotherThreadCount() throws Exception {
        for (String name : new String[] {"f.png", "f.svg", "f.pdf", "a.gif", "a.mp4"}) {
            byte[] a = Files.readAllBytes(dir.resolve("a").resolve(name));
            byte[] b = Files.readAllBytes(dir.resolve("b").resolve(name));
            assertTrue(a.length > 1000, name + " has content");
            assertArrayEquals(a, b, name + " differs between runs");
        }
        String svg = Files.readString(dir.resolve("a/f.svg"));
        assertTrue(svg.contains("id='scorescope-clip-0'"), "clip ids are counted, not random");
        assertTrue(svg.contains("particles-0-0"), "vector dots present");
    }

    @Test
    void mp4HeadersCarryNoWallClockTime() throws Exception {
        byte[] mp4 = Files.readAllBytes(dir.resolve("a/a.mp4"));
        int boxes = 0;
        for (String type : new String[] {"mvhd", "tkhd", "mdhd"}) {
            for (int p = indexOf(mp4, type, 0); p >= 0; p = indexOf(mp4, type, p + 4)) {
                int body = p + 4;
                int width = mp4[body] == 1 ? 8 : 4;
                for (int i = body + 4; i < body + 4 + 2 * width; i++) {
                    assertEquals(0, mp4[i], type + " creation/modification time");
                }
                boxes++;
            }
        }
        assertEquals(3, boxes, "one movie, one track, one media header");
    }

    @Test
    void clearTimesWalksNestedBoxesAndLeavesOtherBytesAlone() {
        // moov[ mvhd v0 | trak[ tkhd v1 ] | free ]
        byte[] mvhd = box("mvhd", new byte[] {0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 9});
        byte[] tkhd = box("tkhd", new byte[] {1, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9});
        byte[] free = box("free", new byte[] {7, 7, 7});
        byte[] moov = box("moov", concat(mvhd, box("trak", tkhd), free));
        Mp4Figure.clearTimes(moov, 0, moov.length);
        byte[] want = box("moov", concat(box("mvhd", new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 9, 9, 9}),
                box("trak", box("tkhd", new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 9})), free));
        assertArrayEquals(want, moov);
    }

    private static byte[] box(String type, byte[] body) {
        byte[] b = new byte[8 + body.length];
        int n = b.length;
        b[0] = (byte) (n >>> 24);
        b[1] = (byte) (n >>> 16);
        b[2] = (byte) (n >>> 8);
        b[3] = (byte) n;
        System.arraycopy(type.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, b, 4, 4);
        System.arraycopy(body, 0, b, 8, body.length);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] b, String s, int from) {
        byte[] t = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        outer:
        for (int i = from; i + t.length <= b.length; i++) {
            for (int j = 0; j < t.length; j++) {
                if (b[i + j] != t[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
