package org.scorescope.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.jfree.svg.SVGGraphics2D;
import org.scorescope.io.AtomicBinaryFile;
import org.scorescope.io.AtomicFile;

/**
 * Writes figures: PNG (the scenario in an iTXt chunk "scorescope-scenario"), SVG (the scenario in a
 * {@code <metadata id="scorescope-scenario">} element), PDF ({@link PdfFigure}: embedded fonts, the
 * scenario attached), animated GIF, H.264 MP4 ({@link Mp4Figure}). Every file goes through the atomic
 * writer (temporary name, then renamed). The same figure gives the same bytes in every format: no
 * dates, no random ids, no encoder time stamps. Raster sizes are checked in long arithmetic
 * ({@link FigureSize}) before anything is allocated.
 */
public final class FigureWriter {
    /** The PNG text key and SVG metadata id that hold the scenario. */
    public static final String KEY = "scorescope-scenario";

    private FigureWriter() {
    }

    /** The figure as an image at a scale (vector parts drawn at that scale; the particle raster resampled). */
    public static BufferedImage image(Figure f, double scale, boolean transparent) {
        int[] size = FigureSize.raster(f, scale);
        BufferedImage img = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.scale(scale, scale);
        FigureComposer.draw(f, g, transparent);
        g.dispose();
        return img;
    }

    /** A PNG with the scenario embedded. */
    public static void png(Figure f, Path file, double scale, boolean transparent) {
        BufferedImage img = image(f, scale, transparent);
        AtomicBinaryFile.write(file, out -> {
            ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
            ImageWriteParam p = w.getDefaultWriteParam();
            IIOMetadata md = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), p);
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
            IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
            entry.setAttribute("keyword", KEY);
            entry.setAttribute("compressionFlag", "FALSE");
            entry.setAttribute("compressionMethod", "0");
            entry.setAttribute("languageTag", "");
            entry.setAttribute("translatedKeyword", "");
            entry.setAttribute("text", f.scenarioJson());
            itxt.appendChild(entry);
            root.appendChild(itxt);
            md.mergeTree("javax_imageio_png_1.0", root);
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                w.setOutput(ios);
                w.write(null, new IIOImage(img, null, md), p);
            }
            w.dispose();
        });
    }

    /** An SVG: rasters embedded, axes/arrows/trails as vector groups, the scenario as metadata. */
    public static void svg(Figure f, Path file) {
        int[] size = FigureComposer.size(f);
        SVGGraphics2D g = new SVGGraphics2D(size[0], size[1]);
        g.setDefsKeyPrefix("scorescope-");
        g.setFontFunction(family -> family.startsWith("DejaVu Sans") ? "DejaVu Sans, Liberation Sans, Arial, sans-serif" : family);
        FigureComposer.draw(f, g, false);
        String doc = g.getSVGDocument();
        int open = doc.indexOf('>', doc.indexOf("<svg")) + 1;
        String meta = "<metadata id=\"" + KEY + "\"><![CDATA[" + f.scenarioJson().replace("]]>", "]]]]><![CDATA[>") + "]]></metadata>";
        String out = doc.substring(0, open) + meta + doc.substring(open);
        AtomicFile.write(file, w -> w.write(out));
    }

    /**
     * A one-page PDF: text as text in an embedded subset of DejaVu Sans, heat maps as lossless
     * images, vector axes, arrows and trails, the scenario attached ({@link PdfFigure}).
     */
    public static void pdf(Figure f, Path file) {
        byte[] bytes = PdfFigure.bytes(f);
        AtomicBinaryFile.write(file, out -> out.write(bytes));
    }

    /** An animated GIF, one figure per frame, looping. */
    public static void gif(List<Figure> frames, Path file, double fps, double scale) {
        gif(frames, file, fps, scale, i -> { }, () -> false);
    }

    /**
     * The same, reporting each encoded frame to {@code progress}; when {@code cancelled} turns true
     * the export stops and no file is left.
     */
    public static void gif(List<Figure> frames, Path file, double fps, double scale, java.util.function.IntConsumer progress,
            java.util.function.BooleanSupplier cancelled) {
        for (Figure f : frames) {
            FigureSize.gif(f, scale);
        }
        AtomicBinaryFile.write(file, out -> {
            ImageWriter w = ImageIO.getImageWritersByFormatName("gif").next();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                w.setOutput(ios);
                w.prepareWriteSequence(null);
                int delay = (int) Math.max(2, Math.round(100 / fps));
                for (int i = 0; i < frames.size(); i++) {
                    if (cancelled.getAsBoolean()) {
                        throw new java.util.concurrent.CancellationException("export cancelled");
                    }
                    BufferedImage argb = image(frames.get(i), scale, false);
                    BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
                    Graphics2D g = rgb.createGraphics();
                    g.drawImage(argb, 0, 0, null);
                    g.dispose();
                    ImageWriteParam p = w.getDefaultWriteParam();
                    IIOMetadata md = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), p);
                    String fmt = md.getNativeMetadataFormatName();
                    IIOMetadataNode root = (IIOMetadataNode) md.getAsTree(fmt);
                    IIOMetadataNode gce = child(root, "GraphicControlExtension");
                    gce.setAttribute("disposalMethod", "none");
                    gce.setAttribute("userInputFlag", "FALSE");
                    gce.setAttribute("transparentColorFlag", "FALSE");
                    gce.setAttribute("delayTime", Integer.toString(delay));
                    gce.setAttribute("transparentColorIndex", "0");
                    if (i == 0) {
                        IIOMetadataNode apps = child(root, "ApplicationExtensions");
                        IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                        app.setAttribute("applicationID", "NETSCAPE");
                        app.setAttribute("authenticationCode", "2.0");
                        app.setUserObject(new byte[] {1, 0, 0});
                        apps.appendChild(app);
                    }
                    md.setFromTree(fmt, root);
                    w.writeToSequence(new IIOImage(rgb, null, md), p);
                    progress.accept(i + 1);
                }
                w.endWriteSequence();
            }
            w.dispose();
        });
    }

    /**
     * An H.264 MP4 (jcodec, pure Java), one figure per frame; sides are rounded down to even numbers
     * as H.264 requires. Encoded in memory, then written atomically; time stamps fixed at 0.
     */
    public static void mp4(List<Figure> frames, Path file, double fps, double scale) {
        mp4(frames, file, fps, scale, i -> { }, () -> false);
    }

    /** The same with progress and cancellation (no file is left when cancelled). */
    public static void mp4(List<Figure> frames, Path file, double fps, double scale, java.util.function.IntConsumer progress,
            java.util.function.BooleanSupplier cancelled) {
        for (Figure f : frames) {
            FigureSize.raster(f, scale);
        }
        byte[] bytes = Mp4Figure.bytes(frames, fps, scale, progress, cancelled);
        AtomicBinaryFile.write(file, out -> out.write(bytes));
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }

    /** NAME.scenario.json beside NAME.ext. */
    public static Path besideScenario(Path figure) {
        String name = figure.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return figure.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".scenario.json");
    }

}
