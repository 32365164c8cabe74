package org.scorescope.ui.labs.discrete;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.scorescope.discrete.DiscreteScenarioJson;
import org.scorescope.discrete.ProductTarget;
import org.scorescope.discrete.StateIndex;
import org.scorescope.io.AtomicBinaryFile;
import org.scorescope.io.AtomicFile;
import org.scorescope.io.OutputSession;
import org.scorescope.render.FigureFonts;
import org.scorescope.render.FigureWriter;
import org.scorescope.ui.service.DialogService.FileType;

/**
 * What the discrete window exports, written off the FX thread through the output layer
 * ({@link OutputSession}: every output claimed before anything is drawn, staged under a hidden
 * temporary, then committed all or none, so a failed or cancelled export leaves no file):
 * <ul>
 *   <li>the figure — the heat map of the displayed step beside the TV/KL chart of the whole run, in the
 *       light paper look — as PNG (at twice its size), SVG or PDF (vector; text as outlines), with the
 *       scenario beside it as {@code NAME.scenario.json}, as the main window's figures have;</li>
 *   <li>{@link #STEPS}: every sampler's exact TV and KL to q_τ, the particles' TV and its noise floor,
 *       step by step;</li>
 *   <li>{@link #LAW}: the output law of every sampler against p_data — state by state on {@code [K]^d}
 *       (with the particles' frequencies), or coordinate by coordinate for independent coordinates.</li>
 * </ul>
 * Numbers are written in full precision ({@link Double#toString}: they read back to the same double);
 * a CSV starts with a '#' line holding the scenario. No JavaFX here: the window's buttons are in
 * {@link DiscreteExportControls}.
 */
final class DiscreteExport {
    static final List<FileType> FIGURE_TYPES = List.of(new FileType("PNG", "*.png"), new FileType("SVG", "*.svg"),
            new FileType("PDF", "*.pdf"));
    static final FileType STEPS = new FileType("TV and KL per step (CSV)", "*-steps.csv");
    static final FileType LAW = new FileType("Output law against p_data (CSV)", "*-law.csv");
    /** The figure's size in points (SVG and PDF units; the PNG has twice as many pixels). */
    static final int WIDTH = 1280;
    static final int HEIGHT = 620;
    static final double PNG_SCALE = 2;
    private static final int TITLE = 34;
    private static final double MAP_SHARE = 0.45;

    private DiscreteExport() {
    }

    /**
     * Writes the figure (format by extension: .svg, .pdf, else PNG) and the scenario beside it.
     *
     * @param slot the sampler whose particles and (with {@code samplerLaw}) law the heat map shows
     * @param step the displayed step
     * @param samplerLaw colour the map by the sampler's exact law instead of q_τ
     */
    static void figure(DiscreteRunResult r, int slot, int step, boolean samplerLaw, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Path beside = FigureWriter.besideScenario(file);
        String json = DiscreteScenarioJson.write(r.scenario());
        inSession(List.of(file, beside), () -> {
            if (name.endsWith(".svg")) {
                SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
                g.setDefsKeyPrefix("scorescope-");
                g.setFontFunction(family -> family.startsWith("DejaVu Sans") ? "DejaVu Sans, Liberation Sans, Arial, sans-serif" : family);
                draw(g, r, slot, step, samplerLaw);
                String svg = g.getSVGDocument();
                AtomicFile.write(file, w -> w.write(svg));
            } else if (name.endsWith(".pdf")) {
                byte[] pdf = pdf(r, slot, step, samplerLaw);
                AtomicBinaryFile.write(file, out -> out.write(pdf));
            } else {
                BufferedImage img = new BufferedImage((int) (WIDTH * PNG_SCALE), (int) (HEIGHT * PNG_SCALE), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.scale(PNG_SCALE, PNG_SCALE);
                draw(g, r, slot, step, samplerLaw);
                g.dispose();
                AtomicBinaryFile.write(file, out -> {
                    if (!ImageIO.write(img, "png", out)) {
                        throw new IOException("no PNG writer");
                    }
                });
            }
            AtomicFile.write(beside, w -> w.write(json));
        });
    }

    /** Draws the whole figure into {@code WIDTH × HEIGHT} at the origin. */
    static void draw(Graphics2D g, DiscreteRunResult r, int slot, int step, boolean samplerLaw) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(java.awt.Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        DiscreteFrame f = r.frame(slot, step);
        int shown = Math.min(slot, r.samplers().size() - 1);
        g.setColor(HeatMapPainter.PAPER.text());
        g.setFont(FigureFonts.bold(15f));
        g.drawString(title(r), 14, 22);
        double mapWidth = WIDTH * MAP_SHARE;
        boolean sampler = samplerLaw && f.pairLaw() != null;
        String caption = String.format(Locale.ROOT, "step %d/%d, τ = %.3g · %s · colour: %s", f.step(), r.steps(), f.tau(),
                r.samplers().get(shown), sampler ? "its exact law" : "q_τ");
        Graphics2D map = (Graphics2D) g.create();
        map.translate(6, TITLE);
        HeatMapPainter.draw(map, mapWidth - 6, HEIGHT - TITLE - 4, HeatMapPainter.PAPER, sampler ? f.pairLaw() : f.pairQ(), f.pairCounts(),
                r.target().states(), r.masking(), r.target().words(), caption);
        map.dispose();
        JFreeChart chart = DiscreteRunChart.create();
        DiscreteRunChart.fill(chart, r, f.step());
        DiscreteRunChart.paper(chart);
        chart.draw(g, new Rectangle2D.Double(mapWidth, TITLE, WIDTH - mapWidth - 8, HEIGHT - TITLE - 6));
    }

    private static String title(DiscreteRunResult r) {
        var s = r.scenario();
        String head = s.title().isEmpty() ? r.target().name() : s.title();
        return String.format(Locale.ROOT, "%s — %s process, T = %.3g, N = %d steps, %,d particles, seed %d", head, s.process().id(), s.horizon(),
                r.steps(), s.particles(), s.seed());
    }

    private static byte[] pdf(DiscreteRunResult r, int slot, int step, boolean samplerLaw) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, WIDTH, HEIGHT);
            // No fonts registered: text is drawn as outlines, so every glyph (τ, ‖, ⁻) shows in any reader.
            g.setFontTextDrawer(new PdfBoxGraphics2DFontTextDrawer());
            try {
                draw(g, r, slot, step, samplerLaw);
            } finally {
                g.dispose();
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawForm(g.getXFormObject());
            }
            doc.getDocumentInformation().setTitle(title(r));
            doc.getDocumentInformation().setCreator("ScoreScope");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the PDF: " + e.getMessage(), e);
        }
    }

    /**
     * Every sampler's exact TV and KL to q_τ, its particles' TV and the noise floor, step by step:
     * {@code sampler,step,tau,exact_tv,exact_kl,particle_tv,floor_mean,floor_upper,masked_particles,nfe}
     * (NaN where a value is not computed, Infinity for an infinite KL).
     */
    static void stepsCsv(DiscreteRunResult r, Path file) {
        inSession(List.of(file), () -> AtomicFile.write(file, w -> {
            header(w, r);
            w.write("# exact_tv = TV(sampler's exact law after step k, q_tau); exact_kl = KL(q_tau || law); particle_tv = TV(particles, q_tau);"
                    + " floor = expected TV of N exact samples of q_tau (mean, mean + 2 sd); nfe = score evaluations so far, all particles\n");
            w.write("sampler,step,tau,exact_tv,exact_kl,particle_tv,floor_mean,floor_upper,masked_particles,nfe\n");
            for (int slot = 0; slot < r.samplers().size(); slot++) {
                for (DiscreteFrame f : r.frames()[slot]) {
                    w.write(r.samplers().get(slot) + "," + f.step() + "," + f.tau() + "," + f.exactTv() + "," + f.exactKl() + "," + f.particleTv()
                            + "," + f.floorMean() + "," + f.floorUpper() + "," + f.maskedParticles() + "," + f.nfe() + "\n");
                }
            }
        }));
    }

    /**
     * The output law of every sampler against p_data. A table target: one row per state of
     * {@code [K]^d} that any column gives mass, {@code state,x1,…,xd,p_data,law_ID,particles_ID,…}
     * (MASK written as −1, as {@code sample} writes it; the law column empty when the table is over
     * the exact limit). Independent coordinates: {@code coordinate,value,p_data,law_ID,particles_ID,…},
     * the law being the product of these marginals.
     */
    static void lawCsv(DiscreteRunResult r, Path file) {
        inSession(List.of(file), () -> AtomicFile.write(file, w -> {
            header(w, r);
            if (r.outputFrequencies()[0] != null) {
                jointLaw(w, r);
            } else {
                coordinateLaws(w, r);
            }
        }));
    }

    private static void jointLaw(Writer w, DiscreteRunResult r) throws IOException {
        int d = r.target().dims();
        int k = r.alphabet();
        int n = r.samplers().size();
        StringBuilder h = new StringBuilder("state");
        for (int i = 1; i <= d; i++) {
            h.append(",x").append(i);
        }
        h.append(",p_data");
        for (String id : r.samplers()) {
            h.append(",law_").append(id).append(",particles_").append(id);
        }
        w.write(h.append('\n').toString());
        int size = r.outputFrequencies()[0].length;
        int[] x = new int[d];
        for (int j = 0; j < size; j++) {
            StateIndex.decode(j, k, x);
            double data = r.target().probability(x);
            boolean any = data != 0;
            for (int s = 0; s < n && !any; s++) {
                any = r.outputFrequencies()[s][j] != 0 || r.outputLaws()[s] != null && r.outputLaws()[s][j] != 0;
            }
            if (!any) {
                continue;
            }
            StringBuilder b = new StringBuilder().append(j);
            for (int v : x) {
                b.append(',').append(v >= r.target().states() ? -1 : v);
            }
            b.append(',').append(data);
            for (int s = 0; s < n; s++) {
                b.append(',').append(r.outputLaws()[s] == null ? "" : Double.toString(r.outputLaws()[s][j]));
                b.append(',').append(r.outputFrequencies()[s][j]);
            }
            w.write(b.append('\n').toString());
        }
    }

    private static void coordinateLaws(Writer w, DiscreteRunResult r) throws IOException {
        StringBuilder h = new StringBuilder("coordinate,value,p_data");
        for (String id : r.samplers()) {
            h.append(",law_").append(id).append(",particles_").append(id);
        }
        w.write(h.append('\n').toString());
        DiscreteFrame[] last = new DiscreteFrame[r.samplers().size()];
        for (int s = 0; s < last.length; s++) {
            last[s] = r.frame(s, r.steps());
        }
        double particles = r.scenario().particles();
        for (int i = 0; i < r.target().dims(); i++) {
            for (int v = 0; v < r.alphabet(); v++) {
                // MASK (the last value under masking) has no p_data mass.
                double data = v < r.target().states() ? ((ProductTarget) r.target()).marginal(i)[v] : 0;
                StringBuilder b = new StringBuilder().append(i + 1).append(',').append(v >= r.target().states() ? -1 : v).append(',')
                        .append(data);
                for (DiscreteFrame f : last) {
                    b.append(',').append(f.coordLaw() == null ? "" : Double.toString(f.coordLaw()[i][v]));
                    b.append(',').append(f.coordCounts()[i][v] / particles);
                }
                w.write(b.append('\n').toString());
            }
        }
    }

    private static void header(Writer w, DiscreteRunResult r) throws IOException {
        w.write("# scenario: " + DiscreteScenarioJson.write(r.scenario()).replace('\n', ' ') + "\n");
    }

    /** Claims the outputs, runs the writes (staged), commits them all or none. */
    private static void inSession(List<Path> outputs, Runnable writes) {
        // The save dialog has asked before replacing the chosen file.
        try (OutputSession out = OutputSession.open(OutputSession.Existing.REPLACE)) {
            for (Path p : outputs) {
                out.claim(p, "file");
            }
            writes.run();
            out.commit();
        }
    }
}
