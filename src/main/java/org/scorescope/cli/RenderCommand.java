package org.scorescope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.scorescope.engine.Engine;
import org.scorescope.io.AtomicFile;
import org.scorescope.render.Figure;
import org.scorescope.render.FigureBuilder;
import org.scorescope.render.FigureWriter;
import org.scorescope.render.GridLayout;
import org.scorescope.render.PanelStyle;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.scenario.ScenarioJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code render}: figures with no display. A grid of samplers (rows) × steps (columns), or with
 * {@code --small-multiples --nfe} × NFE budgets; PNG, SVG, PDF, or an animation over the steps (GIF, MP4). The
 * scenario is written beside the figure ({@code NAME.scenario.json}) and embedded in it.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a figure (PNG, SVG, PDF) or an animation (GIF) of a scenario, headless.")
public final class RenderCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--samplers", split = ",", paramLabel = "a,b,...", description = "Sampler ids (default: the scenario's).")
    List<String> samplers;

    @Option(names = "--run-steps", paramLabel = "T", description = "T of the run (default: the scenario's).")
    Integer runSteps;

    @Option(names = "--steps", split = ",", paramLabel = "t,t,...", description = "Steps shown as columns (0 = output); GIF: frames (default all, T to 0).")
    List<Integer> steps;

    @Option(names = "--small-multiples", description = "Columns are NFE budgets (--nfe): one run per sampler and budget.")
    boolean smallMultiples;

    @Option(names = "--nfe", split = ",", paramLabel = "5,10,20", description = "NFE budgets for --small-multiples.")
    List<Integer> nfe;

    @Option(names = "--format", paramLabel = "png|svg|pdf|gif|mp4", description = "Output format (default: from the file name).")
    String format;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "360x360", description = "Size of one cell in pixels (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1", description = "Scale of PNG/GIF output, 1-4 (default ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--layout", paramLabel = "RxC", description = "Rows x columns of one step's panels (one --steps value, GIF/MP4 "
            + "frames); default by the number of samplers: 1x1, 1x2, 1x3, 2x2, 2x3, 2x4.")
    String layoutOption;

    @Option(names = "--layers", split = ",", paramLabel = "density,particles,trails,field,contours",
            description = "Layers (default density,particles,trails).")
    List<String> layers;

    @Option(names = "--transparent", description = "PNG with a transparent background.")
    boolean transparent;

    @Option(names = "--fps", defaultValue = "6", paramLabel = "F", description = "GIF frames per second (default ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--force", description = "Overwrite an existing output file.")
    boolean force;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file.")
    Path out;

    @Mixin
    GuidanceOptions guidance;

    @Option(names = "--laws", description = "Guidance figure: the true conditional p(x|c), the tilted law p(x)p(c|x)^(1+w)/Z and each "
            + "sampler's guided output, at the output level (needs --class/--guidance or a scenario with guidance).")
    boolean laws;

    @Override
    public Integer call() {
        String fmt = format != null ? format : extension(out);
        if (!Set.of("png", "svg", "pdf", "gif", "mp4").contains(fmt)) {
            throw new ScenarioException("--format", "must be png, svg, pdf, gif or mp4, was '" + fmt + "'");
        }
        if (Files.exists(out) && !force) {
            throw new ScenarioException("--out", out + " exists; choose another name or add --force");
        }
        int[] cell = cellSize();
        if (!(scale >= 1 && scale <= 4)) {
            throw new ScenarioException("--scale", "must be in 1..4, was " + scale);
        }
        if (!(fps > 0 && fps <= 60)) {
            throw new ScenarioException("--fps", "must be in (0, 60], was " + fps);
        }
        PanelStyle style = style();
        GridLayout layout = layoutOption == null ? null : GridLayout.parse(layoutOption, "--layout");
        List<Scenario.SamplerSpec> specs = null;
        if (samplers != null) {
            specs = new ArrayList<>();
            for (String id : samplers) {
                specs.add(Scenario.SamplerSpec.of(id.trim()));
            }
        }
        Scenario s = guidance.apply(scenario.resolve(specs, runSteps), false);
        try (Engine engine = new Engine(scenario.threads())) {
            if (laws && (fmt.equals("gif") || fmt.equals("mp4"))) {
                throw new ScenarioException("--laws", "is a figure (png, svg, pdf), not an animation");
            }
            if (fmt.equals("gif") || fmt.equals("mp4")) {
                int[] frames = steps != null ? steps.stream().mapToInt(Integer::intValue).toArray() : allSteps(s.steps());
                List<Figure> figs = FigureBuilder.animation(s, frames, layout, cell[0], cell[1], style, engine);
                if (fmt.equals("gif")) {
                    FigureWriter.gif(figs, out, fps, scale);
                } else {
                    FigureWriter.mp4(figs, out, fps, scale);
                }
            } else {
                Figure f;
                if (laws) {
                    if (layout != null) {
                        throw new ScenarioException("--layout", "applies to one step's panels; --laws is one row of laws and samplers");
                    }
                    f = org.scorescope.render.GuidanceFigure.laws(s, cell[0], cell[1], style, engine);
                } else if (smallMultiples) {
                    if (layout != null) {
                        throw new ScenarioException("--layout", "applies to one step's panels; --small-multiples is samplers x NFE budgets");
                    }
                    if (nfe == null || nfe.isEmpty()) {
                        throw new ScenarioException("--nfe", "give the NFE budgets, e.g. --nfe 5,10,20");
                    }
                    f = FigureBuilder.smallMultiples(s, nfe.stream().mapToInt(Integer::intValue).toArray(), cell[0], cell[1], style, engine);
                } else {
                    int[] cols = steps != null ? steps.stream().mapToInt(Integer::intValue).toArray() : new int[] {s.steps(), s.steps() / 2, 0};
                    f = FigureBuilder.steps(s, cols, layout, cell[0], cell[1], style, engine);
                }
                switch (fmt) {
                    case "png" -> FigureWriter.png(f, out, scale, transparent);
                    case "svg" -> FigureWriter.svg(f, out);
                    default -> FigureWriter.pdf(f, out);
                }
            }
        }
        Path beside = FigureWriter.besideScenario(out);
        String json = ScenarioJson.write(s);
        AtomicFile.write(beside, w -> w.write(json));
        System.out.println("wrote " + out + " and " + beside);
        return 0;
    }

    private static int[] allSteps(int t) {
        int[] s = new int[t + 1];
        for (int i = 0; i <= t; i++) {
            s[i] = t - i;
        }
        return s;
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase();
    }

    private int[] cellSize() {
        String[] wh = size.toLowerCase().split("x");
        try {
            int w = Integer.parseInt(wh[0].trim());
            int h = Integer.parseInt(wh[1].trim());
            if (w < 64 || h < 64 || w > 4096 || h > 4096) {
                throw new NumberFormatException();
            }
            return new int[] {w, h};
        } catch (RuntimeException e) {
            throw new ScenarioException("--size", "must be WxH with each side in 64..4096, was '" + size + "'");
        }
    }

    private PanelStyle style() {
        List<String> l = layers != null ? layers : List.of("density", "particles", "trails");
        for (String x : l) {
            if (!Set.of("density", "particles", "trails", "field", "contours").contains(x)) {
                throw new ScenarioException("--layers", "unknown layer '" + x + "'; allowed: density, particles, trails, field, contours");
            }
        }
        return new PanelStyle(l.contains("density"), l.contains("contours"), l.contains("particles"), l.contains("field"),
                l.contains("trails"), 1.4);
    }
}
