package org.scorescope.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.scorescope.engine.Engine;
import org.scorescope.io.AtomicFile;
import org.scorescope.io.OutputSession;
import org.scorescope.render.EquationBand;
import org.scorescope.render.Figure;
import org.scorescope.render.FigureBuilder;
import org.scorescope.render.FigureSize;
import org.scorescope.render.FigureWriter;
import org.scorescope.render.GridLayout;
import org.scorescope.render.PanelStyle;
import org.scorescope.scenario.MemoryEstimate;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioBuilder;
import org.scorescope.scenario.ScenarioException;
import org.scorescope.scenario.ScenarioInput;
import org.scorescope.scenario.ScenarioJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code render}: figures with no display. A grid of samplers (rows) × steps (columns), or with
 * {@code --small-multiples --nfe} × NFE budgets; PNG, SVG, PDF, or an animation over the steps (GIF,
 * MP4). The scenario is written beside the figure ({@code NAME.scenario.json}) and embedded in it;
 * the figure and the scenario beside it appear together or not at all.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a figure (PNG, SVG, PDF) or an animation (GIF, MP4) of a scenario, headless.")
public final class RenderCommand implements Callable<Integer> {
    private static final Set<String> FORMATS = Set.of("png", "svg", "pdf", "gif", "mp4");

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--samplers", split = ",", paramLabel = "a,b,...", description = "Sampler ids (default: the scenario's).")
    List<String> samplers;

    @Option(names = "--run-steps", paramLabel = "T", description = "T of the run (default: the scenario's).")
    Integer runSteps;

    @Option(names = "--steps", split = ",", paramLabel = "t,t,...", description = "Steps shown as columns (0 = output); GIF/MP4: frames (default all, T to 0).")
    List<Integer> steps;

    @Option(names = "--small-multiples", description = "Columns are NFE budgets (--nfe): one run per sampler and budget.")
    boolean smallMultiples;

    @Option(names = "--nfe", split = ",", paramLabel = "5,10,20", description = "NFE budgets for --small-multiples.")
    List<Integer> nfe;

    @Option(names = "--format", paramLabel = "png|svg|pdf|gif|mp4", description = "Output format (default: from the file name).")
    String format;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "360x360", description = "Size of one cell in pixels (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--scale", paramLabel = "S", description = "Scale of PNG/GIF/MP4 output, 1-4 (default 1).")
    Double scale;

    @Option(names = "--layout", paramLabel = "RxC", description = "Rows x columns of one step's panels (one --steps value, GIF/MP4 "
            + "frames); default by the number of samplers: 1x1, 1x2, 1x3, 2x2, 2x3, 2x4.")
    String layoutOption;

    @Option(names = "--layers", split = ",", paramLabel = "density,particles,trails,field,contours,equation",
            description = "Layers (default density,particles,trails); equation adds each sampler's update rule under the cells, with the "
                    + "coefficients of particle 0 at the step shown (the smallest step above 0 of a table).")
    List<String> layers;

    @Option(names = "--transparent", description = "PNG with a transparent background.")
    boolean transparent;

    @Option(names = "--fps", paramLabel = "F", description = "GIF/MP4 frames per second (default 6).")
    Double fps;

    @Option(names = "--force", description = "Replace existing files (the figure and the scenario beside it).")
    boolean force;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file; - writes the figure to standard output (give --format).")
    Path out;

    @Mixin
    GuidanceOptions guidance;

    @Option(names = "--laws", description = "Guidance figure: the true conditional p(x|c), the tilted law p(x)p(c|x)^(1+w)/Z and each "
            + "sampler's guided output, at the output level (needs --class/--guidance or a scenario with guidance).")
    boolean laws;

    @Override
    public Integer call() {
        boolean toStdout = OutputSession.isStdout(out);
        String fmt = format != null ? format.toLowerCase(Locale.ROOT) : extension(out);
        if (toStdout && format == null) {
            throw new ScenarioException("--format", "give --format png|svg|pdf|gif|mp4 with --out -");
        }
        if (!FORMATS.contains(fmt)) {
            throw new ScenarioException(format != null ? "--format" : "--out", "the format must be png, svg, pdf, gif or mp4, was '" + fmt
                    + "'" + (format == null ? " (from the file name; or give --format)" : ""));
        }
        boolean animation = fmt.equals("gif") || fmt.equals("mp4");
        checkConflicts(fmt, animation);
        int[] cell = cellSize();
        double sc = scale != null ? scale : 1;
        if (!(sc >= 1 && sc <= 4)) {
            throw new ScenarioException("--scale", "must be in 1..4, was " + scale);
        }
        double frameRate = fps != null ? fps : 6;
        if (!(frameRate > 0 && frameRate <= 60)) {
            throw new ScenarioException("--fps", "must be in (0, 60], was " + fps);
        }
        PanelStyle style = style();
        GridLayout layout = layoutOption == null ? null : GridLayout.parse(layoutOption, "--layout");
        if (layout != null && (laws || smallMultiples)) {
            throw new ScenarioException("--layout", "applies to one step's panels; " + (laws ? "--laws is one row of laws and samplers"
                    : "--small-multiples is samplers x NFE budgets"));
        }
        ScenarioInput in = scenario.input(runSteps, "--run-steps");
        if (samplers != null) {
            in.set("samplers", ScenarioOptions.samplerList(samplers, "--samplers"), "--samplers");
        }
        in.whenMissing("samplers", "--samplers", "give --samplers a,b,... (the scenario names no sampler)");
        Scenario s = guidance.apply(in.build(), false);
        int dim = ScenarioBuilder.target(s.target()).dim();
        if (dim < 2) {
            throw new ScenarioException(scenario.target != null ? "--target" : "target",
                    "figures show 2D targets (or the first two axes of higher ones); use the app's space-time view for 1D");
        }
        int[] columns = columns(s, animation);
        int[] grid = grid(s, columns, animation, layout);
        checkMemory(s, dim, grid[0], grid[1], cell, animation || fmt.equals("png") ? sc : 1);
        Path beside = toStdout ? null : FigureWriter.besideScenario(out);
        String json = ScenarioJson.write(s);
        PrintStream report = toStdout ? System.err : System.out;
        try (OutputSession session = OutputSession.open(force ? OutputSession.Existing.REPLACE : OutputSession.Existing.REFUSE)) {
            scenario.protectInputs(session);
            session.claim(out, "--out");
            boolean writeBeside = beside != null && claimBeside(session, beside, json);
            try (Engine engine = new Engine(scenario.threads())) {
                if (animation) {
                    List<Figure> figs = FigureBuilder.animation(s, columns, layout, cell[0], cell[1], style, engine);
                    if (equation()) {
                        figs = EquationBand.animation(figs, columns, EquationBand.cards(s));
                    }
                    if (fmt.equals("gif")) {
                        FigureWriter.gif(figs, out, frameRate, sc);
                    } else {
                        FigureWriter.mp4(figs, out, frameRate, sc);
                    }
                } else {
                    Figure f = laws ? org.scorescope.render.GuidanceFigure.laws(s, cell[0], cell[1], style, engine)
                            : smallMultiples ? FigureBuilder.smallMultiples(s, columns, cell[0], cell[1], style, engine)
                            : FigureBuilder.steps(s, columns, layout, cell[0], cell[1], style, engine);
                    if (equation()) {
                        f = f.withEquations(EquationBand.cards(s).apply(Arrays.stream(columns).filter(t -> t > 0).min().orElse(1)));
                    }
                    switch (fmt) {
                        case "png" -> FigureWriter.png(f, out, sc, transparent);
                        case "svg" -> FigureWriter.svg(f, out);
                        default -> FigureWriter.pdf(f, out);
                    }
                }
            }
            if (writeBeside) {
                AtomicFile.write(beside, w -> w.write(json));
            }
            session.commit();
        }
        report.println("wrote " + SampleCommand.shown(out) + (beside == null ? " (the scenario is embedded in PNG and SVG)"
                : " and " + beside));
        return 0;
    }

    /**
     * Claims NAME.scenario.json. When it is the input scenario itself: left alone if it describes
     * the same scenario, replaced only with --force otherwise.
     *
     * @return whether to write it
     */
    private boolean claimBeside(OutputSession session, Path beside, String json) {
        Path input = scenario.scenarioFile();
        if (input != null && sameFile(beside, input)) {
            if (json.equals(canonical(input))) {
                return false;
            }
            if (!force) {
                throw new ScenarioException("--out", "the scenario beside the figure, '" + beside + "', is this render's input (--scenario) "
                        + "and would change; choose another --out name, or add --force to replace it");
            }
            session.claimReplacingInput(beside, "--out");
            return true;
        }
        session.claim(beside, "--out");
        return true;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String canonical(Path scenarioFile) {
        try {
            return ScenarioJson.write(ScenarioJson.read(scenarioFile));
        } catch (ScenarioException e) {
            return null;
        }
    }

    private boolean equation() {
        return layers != null && layers.contains("equation");
    }

    /** Flags that would be ignored are refused. */
    private void checkConflicts(String fmt, boolean animation) {
        if (equation() && (laws || smallMultiples)) {
            throw new ScenarioException("--layers", "equation shows the samplers of one run at a step; drop it with "
                    + (laws ? "--laws" : "--small-multiples"));
        }
        if (nfe != null && !smallMultiples) {
            throw new ScenarioException("--nfe", "NFE budgets are the columns of --small-multiples; add --small-multiples or drop --nfe");
        }
        if (smallMultiples && (nfe == null || nfe.isEmpty())) {
            throw new ScenarioException("--nfe", "give the NFE budgets, e.g. --nfe 5,10,20");
        }
        if (smallMultiples && steps != null) {
            throw new ScenarioException("--steps", "--small-multiples shows the output level of one run per NFE budget; drop --steps");
        }
        if (smallMultiples && animation) {
            throw new ScenarioException("--small-multiples", "is a still figure (png, svg, pdf), not an animation");
        }
        if (laws && animation) {
            throw new ScenarioException("--laws", "is a figure (png, svg, pdf), not an animation");
        }
        if (laws && (smallMultiples || steps != null)) {
            throw new ScenarioException("--laws", "shows the output level of one run; drop " + (smallMultiples ? "--small-multiples" : "--steps"));
        }
        if (transparent && !fmt.equals("png")) {
            throw new ScenarioException("--transparent", "only PNG has a transparent background; the format is " + fmt);
        }
        if (scale != null && (fmt.equals("svg") || fmt.equals("pdf"))) {
            throw new ScenarioException("--scale", fmt + " is drawn as vectors at any size; --scale is for png, gif and mp4");
        }
        if (fps != null && !animation) {
            throw new ScenarioException("--fps", "frames per second are for gif and mp4; the format is " + fmt);
        }
    }

    /** The steps (or NFE budgets) shown, checked against the run. */
    private int[] columns(Scenario s, boolean animation) {
        if (smallMultiples) {
            for (int b : nfe) {
                if (b < 1 || b > 10_000) {
                    throw new ScenarioException("--nfe", "each budget must be in 1..10000, was " + b);
                }
            }
            return nfe.stream().mapToInt(Integer::intValue).toArray();
        }
        if (steps == null) {
            return animation ? allSteps(s.steps()) : new int[] {s.steps(), s.steps() / 2, 0};
        }
        if (steps.isEmpty()) {
            throw new ScenarioException("--steps", "give at least one step, e.g. --steps " + s.steps() + ",0");
        }
        for (int t : steps) {
            if (t < 0 || t > s.steps()) {
                throw new ScenarioException("--steps", "each step must be in 0.." + s.steps() + " (T of the run), was " + t);
            }
        }
        return steps.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Rows and columns of panels in the figure (of one frame, for an animation). */
    private int[] grid(Scenario s, int[] columns, boolean animation, GridLayout layout) {
        int n = s.samplers().size();
        if (laws) {
            return new int[] {1, n + 2};
        }
        if (smallMultiples) {
            return new int[] {n, columns.length};
        }
        if (animation || columns.length == 1) {
            GridLayout g = layout != null ? layout : GridLayout.auto(n);
            return new int[] {g.rows(), g.columns()};
        }
        return new int[] {n, columns.length};
    }

    /** Refuses an image one array cannot hold, and a run the heap cannot hold, before anything runs. */
    private void checkMemory(Scenario s, int dim, int rows, int cols, int[] cell, double sc) {
        long[] px = FigureSize.pixels(rows, cols, cell[0], cell[1], sc);
        if (px[0] > Integer.MAX_VALUE || px[1] > Integer.MAX_VALUE || px[0] * px[1] > FigureSize.MAX_PIXELS) {
            throw new ScenarioException(FigureSize.FIELD, String.format(Locale.ROOT,
                    "the figure would be %,d × %,d px at scale %s (%,d Mpx, %d × %d cells); one image holds at most %,d Mpx: "
                            + "lower --size or --scale, or show fewer samplers or steps",
                    px[0], px[1], sc == Math.rint(sc) ? Long.toString((long) sc) : Double.toString(sc), px[0] * px[1] / 1_000_000, rows, cols,
                    FigureSize.MAX_PIXELS / 1_000_000));
        }
        List<Scenario.SamplerSpec> run = smallMultiples ? List.of(s.samplers().get(0)) : s.samplers();
        int t = smallMultiples ? 200 : s.steps();
        MemoryEstimate.of(s.particles(), dim, run, t).recordingFrames().withPixels(px[0] * px[1], sc > 1 ? "--size or --scale" : "--size")
                .check("--particles", MemoryEstimate.availableHeap());
    }

    private static int[] allSteps(int t) {
        int[] s = new int[t + 1];
        for (int i = 0; i <= t; i++) {
            s[i] = t - i;
        }
        return s;
    }

    private static String extension(Path p) {
        Path name = p.getFileName();
        String n = name == null ? "" : name.toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private int[] cellSize() {
        String[] wh = size.toLowerCase(Locale.ROOT).split("x");
        try {
            int w = Integer.parseInt(wh[0].trim());
            int h = Integer.parseInt(wh[1].trim());
            if (wh.length != 2 || w < 64 || h < 64 || w > 4096 || h > 4096) {
                throw new NumberFormatException();
            }
            return new int[] {w, h};
        } catch (RuntimeException e) {
            throw new ScenarioException("--size", "must be WxH with each side in 64..4096, was '" + size + "'");
        }
    }

    private PanelStyle style() {
        List<String> l = layers != null ? layers : List.of("density", "particles", "trails");
        List<String> allowed = List.of("density", "particles", "trails", "field", "contours", "equation");
        if (l.isEmpty()) {
            throw new ScenarioException("--layers", "give at least one layer: " + String.join(", ", allowed));
        }
        for (String x : l) {
            if (!allowed.contains(x)) {
                throw new ScenarioException("--layers", org.scorescope.scenario.NearestName.unknown("layer", x, allowed));
            }
        }
        return new PanelStyle(l.contains("density"), l.contains("contours"), l.contains("particles"), l.contains("field"),
                l.contains("trails"), 1.4);
    }
}
