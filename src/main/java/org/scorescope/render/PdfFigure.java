package org.scorescope.render;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * A figure as a one-page PDF through Apache PDFBox and its Graphics2D bridge: text stays text, set
 * in a subset of the bundled DejaVu Sans embedded in the file; heat maps are lossless (Flate)
 * images; axes, arrows, trails and small clouds are vector paths. The scenario is embedded as the
 * attached file {@value #ATTACHMENT} and the title in the document information. No dates are
 * written and the file identifier is a digest of the scenario and the figure's size, so the same
 * scenario gives the same bytes.
 */
final class PdfFigure {
    /** Name of the attached scenario. */
    static final String ATTACHMENT = "scenario.json";
    /** Acrobat's largest page side in points; larger figures are scaled down to fit. */
    static final float MAX_PAGE_SIDE = 14_400;

    private PdfFigure() {
    }

    /** The PDF bytes of a figure (1 px of the figure = 1 pt, unless the page would be too large). */
    static byte[] bytes(Figure f) {
        int[] size = FigureComposer.size(f);
        float k = Math.min(1f, MAX_PAGE_SIDE / Math.max(size[0], size[1]));
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(size[0] * k, size[1] * k));
            doc.addPage(page);
            PdfBoxGraphics2DFontTextDrawer text = new PdfBoxGraphics2DFontTextDrawer();
            for (Map.Entry<String, String> face : FigureFonts.files().entrySet()) {
                try (InputStream in = FigureFonts.open(face.getValue())) {
                    text.registerFont(face.getKey(), PDType0Font.load(doc, in, true));
                }
            }
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, size[0], size[1]);
            g.setFontTextDrawer(text);
            try {
                FigureComposer.draw(f, g, false);
            } finally {
                g.dispose();
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                if (k < 1) {
                    cs.transform(Matrix.getScaleInstance(k, k));
                }
                cs.drawForm(g.getXFormObject());
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(f.title().isBlank() ? "ScoreScope figure" : f.title());
            info.setCreator("ScoreScope");
            info.setSubject("Scenario attached as " + ATTACHMENT);
            attach(doc, f.scenarioJson());
            byte[] id = Arrays.copyOf(digest(f.scenarioJson() + "\n" + f.title() + "\n" + size[0] + "x" + size[1]), 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the PDF: " + e.getMessage(), e);
        }
    }

    private static void attach(PDDocument doc, String json) throws IOException {
        byte[] data = json.getBytes(StandardCharsets.UTF_8);
        PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(data));
        file.setSubtype("application/json");
        file.setSize(data.length);
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(ATTACHMENT);
        spec.setFileUnicode(ATTACHMENT);
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        spec.setFileDescription("The ScoreScope scenario that reproduces this figure");
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(ATTACHMENT, spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        doc.getDocumentCatalog().setNames(names);
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
