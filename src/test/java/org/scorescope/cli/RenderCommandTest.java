package org.scorescope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 7, must-show 1: every file render writes is opened and checked. */
class RenderCommandTest {
    @TempDir
    Path dir;

    private int run(String... args) {
        StringWriter err = new StringWriter();
        int code = ScoreScopeCli.run(new PrintWriter(err, true), args);
        if (code != 0) {
            System.err.println(err);
        }
        return code;
    }

    private Path scenario() throws Exception {
        Path s = dir.resolve("ring.json");
        Files.writeString(s, "{\"title\": \"test\", \"target\": \"ring8\", \"samplers\": [\"ddpm\", \"accel-ddim-ms\"], \"steps\": 8, \"particles\": 3000, \"seed\": 4}");
        return s;
    }

    @Test
    void pngHasTheAskedSizeAndCarriesItsScenarioAndReproducesBitForBit() throws Exception {
        Path png = dir.resolve("fig.png");
        assertEquals(0, run("render", "--scenario", scenario().toString(), "--steps", "8,4,0", "--size", "200x160", "--out", png.toString()));
        BufferedImage img = ImageIO.read(png.toFile());
        // 3 columns of (200 + 56 + 12) px, header 34 + 2 rows of (160 + 30 + 34) px.
        assertEquals(3 * 268, img.getWidth());
        assertEquals(34 + 2 * 224, img.getHeight());
        Path beside = dir.resolve("fig.scenario.json");
        assertEquals(Files.readString(beside), pngText(png));
        // The scenario beside the figure reproduces it bit for bit.
        Path again = dir.resolve("again.png");
        assertEquals(0, run("render", "--scenario", beside.toString(), "--steps", "8,4,0", "--size", "200x160", "--out", again.toString()));
        assertArrayEquals(Files.readAllBytes(png), Files.readAllBytes(again));
        // Scale 2 doubles the pixels; one step puts the two samplers side by side (grid 1x2).
        Path big = dir.resolve("big.png");
        assertEquals(0, run("render", "--scenario", beside.toString(), "--steps", "0", "--size", "200x160", "--scale", "2", "--out", big.toString()));
        assertEquals(2 * 2 * 268, ImageIO.read(big.toFile()).getWidth());
    }

    private static String pngText(Path png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            var entries = root.getElementsByTagName("iTXtEntry");
            for (int i = 0; i < entries.getLength(); i++) {
                var e = (IIOMetadataNode) entries.item(i);
                if (e.getAttribute("keyword").equals("scorescope-scenario")) {
                    return e.getAttribute("text");
                }
            }
        }
        return null;
    }

    @Test
    void svgParsesWithAxesArrowsAndTrailsAsGroupsAndTheScenario() throws Exception {
        Path svg = dir.resolve("fig.svg");
        assertEquals(0, run("render", "--scenario", scenario().toString(), "--steps", "4,0", "--layers", "density,particles,trails,field",
                "--out", svg.toString()));
        var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = f.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        String text = Files.readString(svg);
        for (String group : new String[] {"axes", "arrows", "trails"}) {
            assertTrue(text.matches("(?s).*<g id=['\"]" + group + "-1-1['\"].*"), "group " + group);
        }
        assertTrue(text.contains("<metadata id=\"scorescope-scenario\"><![CDATA[" + Files.readString(dir.resolve("fig.scenario.json"))));
        assertTrue(text.contains("<image"), "the particle layer is an embedded raster");
        assertTrue(!text.contains("particles-1-1"), "3000 particles are a raster, not vector dots");
        Path small = dir.resolve("small.svg");
        assertEquals(0, run("render", "--scenario", scenario().toString(), "--particles", "500", "--steps", "0", "--out", small.toString()));
        assertTrue(Files.readString(small).matches("(?s).*<g id=['\"]particles-0-1['\"].*"), "up to 2000 particles are vector dots (one step: samplers side by side)");
    }

    @Test
    void pdfRendersAPageAtTheFigureSize() throws Exception {
        Path pdf = dir.resolve("fig.pdf");
        assertEquals(0, run("render", "--scenario", scenario().toString(), "--small-multiples", "--nfe", "2,4", "--size", "160x160",
                "--out", pdf.toString()));
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, d.getNumberOfPages());
            BufferedImage page = new PDFRenderer(d).renderImage(0);
            assertEquals(2 * (160 + 68), page.getWidth(), 2);
            assertEquals(34 + 2 * (160 + 64), page.getHeight(), 2);
            assertEquals("test", d.getDocumentInformation().getTitle());
        }
    }

    @Test
    void gifHasOneFramePerStepAtTheAskedSize() throws Exception {
        Path gif = dir.resolve("anim.gif");
        assertEquals(0, run("render", "--scenario", scenario().toString(), "--size", "120x120", "--fps", "4", "--out", gif.toString()));
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            assertEquals(9, r.getNumImages(true), "T + 1 frames");
            assertEquals(2 * (120 + 68), r.getWidth(0));
            assertEquals(34 + 120 + 64, r.getHeight(0));
        }
    }

    @Test
    void mp4HasOneFramePerStepAtTheAskedSize() throws Exception {
        Path mp4 = dir.resolve("anim.mp4");
        assertEquals(0, run("render", "--scenario", scenario().toString(), "--size", "120x120", "--fps", "4", "--out", mp4.toString()));
        try (var ch = org.jcodec.common.io.NIOUtils.readableChannel(mp4.toFile())) {
            var demuxer = org.jcodec.containers.mp4.demuxer.MP4Demuxer.createMP4Demuxer(ch);
            var track = demuxer.getVideoTrack();
            assertEquals(9, track.getMeta().getTotalFrames(), "T + 1 frames");
            var size = track.getMeta().getVideoCodecMeta().getSize();
            assertEquals(2 * (120 + 68), size.getWidth());
            assertEquals(34 + 120 + 64, size.getHeight());
        }
    }

    @Test
    void anExistingFileIsNotOverwrittenWithoutForceAndBadOptionsExitTwo() throws Exception {
        Path png = dir.resolve("keep.png");
        Files.writeString(png, "precious");
        assertEquals(2, run("render", "--scenario", scenario().toString(), "--out", png.toString()));
        assertEquals("precious", Files.readString(png));
        assertEquals(2, run("render", "--scenario", scenario().toString(), "--layers", "glitter", "--out", dir.resolve("x.png").toString()));
        assertEquals(2, run("render", "--scenario", scenario().toString(), "--steps", "99", "--out", dir.resolve("y.png").toString()));
        assertEquals(2, run("render", "--target", "bimodal1d", "--samplers", "ddpm", "--out", dir.resolve("z.png").toString()));
        assertEquals(0, run("render", "--scenario", scenario().toString(), "--steps", "0", "--force", "--out", png.toString()));
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 0);
    }
}
