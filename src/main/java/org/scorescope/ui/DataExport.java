package org.scorescope.ui;

import java.nio.file.Path;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scorescope.engine.Frame;
import org.scorescope.io.AtomicFile;
import org.scorescope.metrics.RunMetrics;
import org.scorescope.ui.service.Progress;

/**
 * The data behind the view: particles of every sampler at one step, and every metric series of the
 * run, as CSV (a '#' line with the scenario JSON, then a header) or JSON (with the scenario inside).
 */
final class DataExport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DataExport() {
    }

    /** Particles at a step: sampler,particle,x0,x1,… (the stored particles of that frame). */
    static void particlesCsv(Path file, String scenarioJson, Frame f, Progress progress) {
        AtomicFile.write(file, w -> {
            w.write("# scenario: " + scenarioJson.replace('\n', ' ') + "\n");
            w.write("# step t = " + f.t() + " of T = " + f.steps() + ", alpha-bar = " + f.abar() + "\n");
            int d = f.samplers().get(0).dim();
            StringBuilder h = new StringBuilder("sampler,particle");
            for (int a = 0; a < d; a++) {
                h.append(",x").append(a);
            }
            w.write(h + "\n");
            long total = (long) f.samplers().size() * f.samplers().get(0).stored();
            long done = 0;
            for (Frame.SamplerFrame sf : f.samplers()) {
                for (int i = 0; i < sf.stored(); i++) {
                    if ((++done & 8191) == 0) {
                        progress.checkCancelled();
                        progress.update((double) done / total, "");
                    }
                    StringBuilder b = new StringBuilder(sf.label().contains(",") ? "\"" + sf.label() + "\"" : sf.label()).append(',').append(i);
                    for (int a = 0; a < d; a++) {
                        b.append(',').append(sf.x(a, i));
                    }
                    w.write(b.append('\n').toString());
                }
            }
        });
    }

    /** Particles whose trajectories are exported. */
    static final int TRACKED = 32;

    /** The tracked particles (the first 32 of each sampler) at every computed step: sampler,particle,t,abar,x0,…. */
    static void trajectoriesCsv(Path file, String scenarioJson, org.scorescope.engine.FrameRecorder recorder, int steps, Progress progress) {
        AtomicFile.write(file, w -> {
            w.write("# scenario: " + scenarioJson.replace('\n', ' ') + "\n");
            Frame first = recorder.at(steps);
            int d = first.samplers().get(0).dim();
            StringBuilder h = new StringBuilder("sampler,particle,t,abar");
            for (int a = 0; a < d; a++) {
                h.append(",x").append(a);
            }
            w.write(h + "\n");
            for (int k = 0; k < first.samplers().size(); k++) {
                int tracked = Math.min(TRACKED, first.samplers().get(k).stored());
                for (int p = 0; p < tracked; p++) {
                    progress.checkCancelled();
                    for (int t = steps; t >= 0; t--) {
                        Frame f = recorder.at(t);
                        if (f == null) {
                            break;
                        }
                        Frame.SamplerFrame sf = f.samplers().get(k);
                        StringBuilder b = new StringBuilder(quote(sf.label())).append(',').append(p).append(',').append(t).append(',').append(f.abar());
                        for (int a = 0; a < d; a++) {
                            b.append(',').append(sf.x(a, p));
                        }
                        w.write(b.append('\n').toString());
                    }
                }
            }
        });
    }

    /** Every metric series: one row per sampler and step. */
    static void metricsCsv(Path file, String scenarioJson, RunMetrics.Snapshot s, java.util.List<String> labels, double[] abar) {
        AtomicFile.write(file, w -> {
            w.write("# scenario: " + scenarioJson.replace('\n', ' ') + "\n");
            w.write("sampler,t,abar,nfe,tv,noise_floor_mean,noise_floor_sd,diverged,w2,kl\n");
            for (int k = 0; k < s.tv().length; k++) {
                for (int t = s.steps(); t >= s.lowest(); t--) {
                    w.write(String.join(",", quote(labels.get(k)), Integer.toString(t), Double.toString(abar[t]), Long.toString(s.nfe()[k][t]),
                            Double.toString(s.tv()[k][t]), Double.toString(s.floorMean()[t]), Double.toString(s.floorSd()[t]),
                            Integer.toString(s.diverged()[k][t]), s.w2() == null ? "" : Double.toString(s.w2()[k][t]),
                            s.kl() == null ? "" : Double.toString(s.kl()[k][t])) + "\n");
                }
            }
        });
    }

    /** The metric series and the particles at a step as one JSON document. */
    static void json(Path file, String scenarioJson, RunMetrics.Snapshot s, java.util.List<String> labels, double[] abar, Frame f,
            Progress progress) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.set("scenario", JSON.readTree(scenarioJson));
        ArrayNode series = root.putArray("metrics");
        for (int k = 0; k < s.tv().length; k++) {
            ObjectNode o = series.addObject();
            o.put("sampler", labels.get(k));
            ArrayNode steps = o.putArray("steps");
            for (int t = s.steps(); t >= s.lowest(); t--) {
                ObjectNode p = steps.addObject();
                p.put("t", t);
                p.put("abar", abar[t]);
                p.put("nfe", s.nfe()[k][t]);
                p.put("tv", s.tv()[k][t]);
                p.put("noiseFloorMean", s.floorMean()[t]);
                p.put("diverged", s.diverged()[k][t]);
                if (s.w2() != null) {
                    p.put("w2", s.w2()[k][t]);
                    p.put("kl", s.kl()[k][t]);
                }
            }
        }
        ObjectNode particles = root.putObject("particles");
        particles.put("t", f.t());
        for (Frame.SamplerFrame sf : f.samplers()) {
            ArrayNode axes = particles.putArray(sf.label());
            for (float[] axis : sf.positions()) {
                progress.checkCancelled();
                ArrayNode a = axes.addArray();
                for (int i = 0; i < sf.stored(); i++) {
                    a.add(axis[i]);
                }
            }
        }
        progress.checkCancelled();
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        progress.checkCancelled();
        AtomicFile.write(file, w -> w.write(text));
    }

    private static String quote(String s) {
        return s.contains(",") ? "\"" + s + "\"" : s;
    }
}
