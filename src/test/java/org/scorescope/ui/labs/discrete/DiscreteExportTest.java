package org.scorescope.ui.labs.discrete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scorescope.discrete.DiscreteLaw;
import org.scorescope.discrete.DiscreteProcess;
import org.scorescope.discrete.DiscreteRunner;
import org.scorescope.discrete.DiscreteSamplers;
import org.scorescope.discrete.DiscreteScenario;
import org.scorescope.discrete.DiscreteScenarioJson;
import org.scorescope.discrete.DiscreteTarget;
import org.scorescope.discrete.ExactLaw;
import org.scorescope.discrete.ExactReverse;
import org.scorescope.discrete.JointTarget;
import org.scorescope.discrete.StateIndex;
import org.scorescope.discrete.StepSchedule;
import org.scorescope.io.BadInputException;
import org.scorescope.ui.service.Progress;

/**
 * The discrete window's exports, without a window: the CSV numbers are the discrete core's exact values
 * computed here independently (the law after every step from {@link ExactLaw#output}'s listener against
 * q_τ from {@link ExactReverse#marginal}; the output law itself), read back bit for bit; the figure is a
 * PNG, SVG and PDF that open (decoded, parsed, rendered) with the scenario beside them; a path that
 * cannot be written leaves no file at all.
 */
class DiscreteExportTest {
    private static DiscreteRunner runner;

    @TempDir
    Path dir;

    @BeforeAll
    static void pool() {
        runner = new DiscreteRunner(2);
    }

    @AfterAll
    static void close() {
        runner.close();
    }

    private static DiscreteScenario scenario(DiscreteScenario.TargetSpec t, DiscreteProcess p, double horizon, List<String> samplers,
            int steps, int particles) {
        return new DiscreteScenario("Export test", "", t, p, horizon, "constant", StepSchedule.DEFAULT_DELTA, samplers, steps, particles, 5);
    }

    /** Data rows of a CSV (after the '#' lines), each split on commas; the header first. */
    private static List<String[]> rows(Path csv) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            if (!line.startsWith("#")) {
                out.add(line.split(",", -1));
            }
        }
        return out;
    }

    @Test
    void theStepsCsvIsTheCoresExactTvAndKlAtEveryStep() throws Exception {
        DiscreteScenario sc = scenario(new DiscreteScenario.TargetSpec("picture", 8, null, null, null, null, List.of()),
                DiscreteProcess.UNIFORM, 3, List.of("tau-leaping", "euler"), 6, 4000);
        DiscreteRunResult r = DiscreteRunPlan.run(sc, runner, Progress.none());
        Path csv = dir.resolve("run-steps.csv");
        DiscreteExport.stepsCsv(r, csv);
        List<String[]> rows = rows(csv);
        assertEquals(List.of("sampler", "step", "tau", "exact_tv", "exact_kl", "particle_tv", "floor_mean", "floor_upper", "masked_particles",
                "nfe"), List.of(rows.get(0)));
        assertEquals(1 + 2 * 7, rows.size());
        JointTarget target = (JointTarget) sc.buildTarget();
        StepSchedule schedule = sc.buildSchedule(6);
        for (int slot = 0; slot < 2; slot++) {
            String id = sc.samplers().get(slot);
            Map<Integer, double[]> laws = new TreeMap<>();
            ExactLaw.output(target, sc.process(), DiscreteSamplers.of(id), schedule, null,
                    (step, law) -> laws.put(step, ((DiscreteLaw.Joint) law).p()), null);
            assertEquals(7, laws.size());
            for (int k = 0; k <= 6; k++) {
                String[] row = rows.get(1 + slot * 7 + k);
                assertEquals(id, row[0]);
                assertEquals(k, Integer.parseInt(row[1]));
                assertEquals(schedule.taus()[k], Double.parseDouble(row[2]), 0.0);
                double[] p = laws.get(k);
                double[] q = ExactReverse.marginal(target, sc.process(), schedule.taus()[k]);
                double tv = 0;
                double kl = 0;
                for (int j = 0; j < p.length; j++) {
                    tv += Math.abs(p[j] - q[j]);
                    kl += q[j] > 0 ? q[j] * Math.log(q[j] / p[j]) : 0;
                }
                assertEquals(0.5 * tv, Double.parseDouble(row[3]), 1e-12, id + " TV at step " + k);
                assertEquals(Math.max(0, kl), Double.parseDouble(row[4]), 1e-12, id + " KL at step " + k);
                assertEquals(r.frame(slot, k).particleTv(), Double.parseDouble(row[5]), 0.0, "read back bit for bit");
            }
            // The last row is the output: TV and KL to p_data as the core's law reports them.
            DiscreteLaw out = ExactLaw.output(target, sc.process(), DiscreteSamplers.of(id), schedule, null, null, null);
            assertEquals(out.tv(target), Double.parseDouble(rows.get(7 + slot * 7)[3]), 1e-12);
            assertEquals(out.kl(target), Double.parseDouble(rows.get(7 + slot * 7)[4]), 1e-12);
        }
    }

    @Test
    void theLawCsvIsTheCoresOutputLawStateByStateWithMaskAsMinusOne() throws Exception {
        DiscreteScenario sc = scenario(DiscreteScenario.TargetSpec.preset("language"), DiscreteProcess.MASKING, 5,
                List.of("unmasking", "tau-leaping"), 8, 3000);
        DiscreteRunResult r = DiscreteRunPlan.run(sc, runner, Progress.none());
        Path csv = dir.resolve("run-law.csv");
        DiscreteExport.lawCsv(r, csv);
        List<String[]> rows = rows(csv);
        assertEquals(List.of("state", "x1", "x2", "x3", "x4", "p_data", "law_unmasking", "particles_unmasking", "law_tau-leaping",
                "particles_tau-leaping"), List.of(rows.get(0)));
        DiscreteTarget target = sc.buildTarget();
        int k = sc.process().alphabet(target.states());
        double[] unmasking = ((DiscreteLaw.Joint) ExactLaw.output(target, sc.process(), DiscreteSamplers.of("unmasking"),
                sc.buildSchedule(8), null, null, null)).p();
        double[] tau = ((DiscreteLaw.Joint) ExactLaw.output(target, sc.process(), DiscreteSamplers.of("tau-leaping"), sc.buildSchedule(8),
                null, null, null)).p();
        double[] sums = new double[5];
        boolean maskedRow = false;
        int listed = 0;
        for (String[] row : rows.subList(1, rows.size())) {
            int j = Integer.parseInt(row[0]);
            int[] x = new int[4];
            StateIndex.decode(j, k, x);
            for (int i = 0; i < 4; i++) {
                assertEquals(x[i] == target.states() ? -1 : x[i], Integer.parseInt(row[1 + i]));
            }
            maskedRow |= row[1].equals("-1") || row[2].equals("-1") || row[3].equals("-1") || row[4].equals("-1");
            assertEquals(target.probability(x), Double.parseDouble(row[5]), 0.0);
            assertEquals(unmasking[j], Double.parseDouble(row[6]), 0.0, "the exact law, bit for bit, state " + j);
            assertEquals(tau[j], Double.parseDouble(row[8]), 0.0, "the exact law, bit for bit, state " + j);
            for (int c = 0; c < 5; c++) {
                sums[c] += Double.parseDouble(row[5 + c]);
            }
            listed++;
        }
        // Every state with mass is listed: each column adds up to 1.
        for (double s : sums) {
            assertEquals(1.0, s, 1e-9);
        }
        assertTrue(maskedRow, "τ-leaping leaves masked sentences, written with −1");
        assertTrue(listed < Math.pow(k, 4), "states without mass anywhere are left out");
    }

    @Test
    void independentCoordinatesAreWrittenCoordinateByCoordinate() throws Exception {
        DiscreteScenario sc = scenario(new DiscreteScenario.TargetSpec("product", 4, 6, null, null, null, List.of()),
                DiscreteProcess.UNIFORM, 6, List.of("tau-leaping"), 10, 3000);
        DiscreteRunResult r = DiscreteRunPlan.run(sc, runner, Progress.none());
        Path csv = dir.resolve("product-law.csv");
        DiscreteExport.lawCsv(r, csv);
        List<String[]> rows = rows(csv);
        assertEquals(List.of("coordinate", "value", "p_data", "law_tau-leaping", "particles_tau-leaping"), List.of(rows.get(0)));
        assertEquals(1 + 6 * 4, rows.size());
        DiscreteLaw.Product law = (DiscreteLaw.Product) ExactLaw.output(sc.buildTarget(), sc.process(), DiscreteSamplers.of("tau-leaping"),
                sc.buildSchedule(10), null, null, null);
        org.scorescope.discrete.ProductTarget target = (org.scorescope.discrete.ProductTarget) sc.buildTarget();
        for (String[] row : rows.subList(1, rows.size())) {
            int i = Integer.parseInt(row[0]) - 1;
            int v = Integer.parseInt(row[1]);
            assertEquals(target.marginal(i)[v], Double.parseDouble(row[2]), 0.0);
            assertEquals(law.laws()[i][v], Double.parseDouble(row[3]), 0.0);
            assertEquals(r.frame(0, 10).coordCounts()[i][v] / 3000.0, Double.parseDouble(row[4]), 0.0);
        }
    }

    @Test
    void theFigureIsAPngSvgAndPdfThatOpenWithTheScenarioBeside() throws Exception {
        DiscreteScenario sc = scenario(DiscreteScenario.TargetSpec.preset("picture"), DiscreteProcess.MASKING, 5,
                List.of("tau-leaping", "unmasking"), 12, 4000);
        DiscreteRunResult r = DiscreteRunPlan.run(sc, runner, Progress.none());
        Path png = dir.resolve("fig.png");
        DiscreteExport.figure(r, 1, 6, false, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals((int) (DiscreteExport.WIDTH * DiscreteExport.PNG_SCALE), img.getWidth());
        assertEquals((int) (DiscreteExport.HEIGHT * DiscreteExport.PNG_SCALE), img.getHeight());
        assertTrue(colours(img) > 50, "the heat map's viridis cells and the chart's lines: " + colours(img) + " colours");
        assertEquals(sc, DiscreteScenarioJson.read(dir.resolve("fig.scenario.json")), "the scenario beside the figure reproduces it");

        Path svg = dir.resolve("fig.svg");
        DiscreteExport.figure(r, 0, 12, true, svg);
        var xml = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = xml.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertTrue(Files.readString(svg).contains("<rect") && Files.readString(svg).contains("<path"), "cells and lines are vector");

        Path pdf = dir.resolve("fig.pdf");
        DiscreteExport.figure(r, 0, 12, false, pdf);
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, d.getNumberOfPages());
            BufferedImage page = new PDFRenderer(d).renderImage(0, 1f);
            assertEquals(DiscreteExport.WIDTH, page.getWidth());
            assertTrue(colours(page) > 50, "the page is drawn: " + colours(page) + " colours");
        }
        assertTrue(Files.exists(dir.resolve("fig.scenario.json")));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith(".")), "no temporary or lock left");
        }
    }

    @Test
    void aPathThatCannotBeWrittenLeavesNoFile() throws Exception {
        DiscreteScenario sc = scenario(DiscreteScenario.TargetSpec.preset("picture"), DiscreteProcess.UNIFORM, 4, List.of("tau-leaping"), 4,
                500);
        DiscreteRunResult r = DiscreteRunPlan.run(sc, runner, Progress.none());
        // The figure's own name is free, but the scenario beside it cannot be written (a folder has its name).
        Files.createDirectory(dir.resolve("taken.scenario.json"));
        BadInputException e = assertThrows(BadInputException.class, () -> DiscreteExport.figure(r, 0, 4, false, dir.resolve("taken.png")));
        assertTrue(e.getMessage().contains("taken.scenario.json") && e.getMessage().contains("is a folder"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("taken.png")), "all or nothing: the figure is not written either");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("taken.scenario.json"), files.map(f -> f.getFileName().toString()).toList(), "no temporary or lock left");
        }
    }

    private static int colours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
