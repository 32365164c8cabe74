package org.scorescope.cli;

import java.util.List;
import org.scorescope.scenario.Scenario;
import org.scorescope.scenario.ScenarioException;
import picocli.CommandLine.Option;

/**
 * {@code --class C --guidance W [--guidance-interval a,b]}: guided sampling toward class C with
 * strength W (003 Part 4), overriding the scenario's {@code guidance}. {@code --class} alone keeps the
 * scenario's W, or is plain conditional sampling (W = 0) when the scenario has no guidance. {@code sweep} takes a list of W, the other commands one.
 */
public final class GuidanceOptions {
    @Option(names = "--class", paramLabel = "C", description = "Guide toward class C of a target with classes (e.g. ring8-classes).")
    Integer classId;

    @Option(names = "--guidance", split = ",", paramLabel = "W", description = "Guidance strength w >= 0 (sweep: a list, e.g. 0,0.5,1,2,4,8).")
    List<Double> strengths;

    @Option(names = "--guidance-interval", split = ",", paramLabel = "a,b", description = "Guide only while alpha-bar is in [a, b].")
    List<Double> interval;

    /** Whether any guidance flag was given. */
    boolean given() {
        return classId != null || strengths != null || interval != null;
    }

    /**
     * The scenario with the flags applied (unchanged when none was given).
     *
     * @param list whether several strengths are allowed (sweep); the scenario then gets the first
     * @throws ScenarioException naming {@code --class}, {@code --guidance} or {@code --guidance-interval}
     */
    Scenario apply(Scenario s, boolean list) {
        if (!given()) {
            return s;
        }
        Scenario.GuidanceSpec old = s.guidance();
        if (classId == null && old == null) {
            throw new ScenarioException("--class", "give the class to guide toward, e.g. --class 1");
        }
        if (strengths != null && strengths.isEmpty()) {
            throw new ScenarioException("--guidance", "give a strength w >= 0");
        }
        if (strengths != null && strengths.size() > 1 && !list) {
            throw new ScenarioException("--guidance", "give one strength here; lists of strengths are for sweep");
        }
        for (double w : strengths != null ? strengths : List.<Double>of()) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new ScenarioException("--guidance", "each w must be a finite number >= 0, was " + w);
            }
        }
        double from = old != null ? old.from() : 0;
        double to = old != null ? old.to() : 1;
        if (interval != null) {
            if (interval.size() != 2 || !(interval.get(0) >= 0 && interval.get(0) < interval.get(1) && interval.get(1) <= 1)) {
                throw new ScenarioException("--guidance-interval", "must be a,b with 0 <= a < b <= 1 (levels alpha-bar), was " + interval);
            }
            from = interval.get(0);
            to = interval.get(1);
        }
        int c = classId != null ? classId : old.classId();
        double w = strengths != null ? strengths.get(0) : old != null ? old.w() : 0;
        Scenario out = s.withGuidance(new Scenario.GuidanceSpec(c, w, from, to));
        try {
            org.scorescope.scenario.GuidanceScenario.validate(out);
        } catch (ScenarioException e) {
            String field = switch (e.field()) {
                case "guidance.class", "guidance" -> "--class";
                case "guidance.w" -> "--guidance";
                case "guidance.interval" -> "--guidance-interval";
                default -> e.field();
            };
            String message = e.getMessage().substring(e.field().length() + 2);
            throw new ScenarioException(field, message);
        }
        return out;
    }

    /** The strengths to sweep: the flag's list, else the scenario's one w. */
    double[] strengths(Scenario s) {
        if (strengths != null) {
            return strengths.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new double[] {s.guidance().w()};
    }
}
