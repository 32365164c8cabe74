package org.scorescope.teaching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scorescope.metrics.Sweep;
import org.scorescope.metrics.TheoryOrder;
import org.scorescope.sampler.SamplerInfo;
import org.scorescope.sampler.StepAnatomy;

/**
 * What the equation panel shows for one sampler (issue 18): its update rule as the source writes it,
 * the citation, the order that applies (per metric, with its source), the NFE per step, and — at a
 * step — the values of the coefficients, as the step's own equations with numbers in place of the
 * coefficients. The live part comes from the step's anatomy ({@link StepAnatomy}), so the numbers are
 * the ones the sampler used.
 *
 * @param key the sampler's canonical id
 * @param name its display name
 * @param rule the update rule
 * @param orders one line per metric: the order and where it comes from
 * @param nfe NFE per step, in words
 * @param stepTex the step as LaTeX ({@code t = 12:\ \bar\alpha_t = 0.53 \to \bar\alpha_{t-1} = 0.61}), empty without a step
 * @param live LaTeX lines: the coefficients of the step's last stage with their values, then the
 *     step's stages with numbers in place of the coefficients; empty without a step
 */
public record SamplerEquation(String key, String name, UpdateRule rule, List<String> orders, String nfe, String stepTex,
        List<String> live) {
    /** Stages shown with numbers before the last one (PIADM and F-DDIM have many). */
    static final int STAGES_SHOWN = 4;

    /** Copies. */
    public SamplerEquation {
        orders = List.copyOf(orders);
        live = List.copyOf(live);
    }

    /** The panel without a step. */
    public static SamplerEquation of(SamplerInfo info) {
        return at(info, null);
    }

    /**
     * The panel at a step.
     *
     * @param anatomy the step's anatomy for one particle, or null for none
     */
    public static SamplerEquation at(SamplerInfo info, StepAnatomy anatomy) {
        UpdateRule rule = UpdateRules.of(info.key());
        List<String> orders = new ArrayList<>();
        for (Sweep.Metric m : Sweep.Metric.values()) {
            orders.add(m.id() + ": " + TheoryOrder.of(info.key(), m).describe());
        }
        String nfe = Double.isNaN(info.nfePerStep()) ? "NFE per step: adaptive (every evaluation counted)"
                : "NFE per step: " + org.scorescope.sampler.SamplerId.format(info.nfePerStep());
        if (anatomy == null) {
            return new SamplerEquation(info.key(), info.displayName(), rule, orders, nfe, "", List.of());
        }
        String step = "t = " + anatomy.t() + ":\\ \\bar\\alpha_t = " + number(anatomy.abarFrom()) + "\\ \\to\\ \\bar\\alpha_{t-1} = "
                + number(anatomy.abarTo());
        List<String> live = new ArrayList<>();
        List<StepAnatomy.Stage> stages = anatomy.stages();
        StepAnatomy.Stage last = stages.get(stages.size() - 1);
        Map<String, Double> coefficients = new LinkedHashMap<>();
        for (StepAnatomy.Term term : last.terms()) {
            if (!term.coefficientTex().equals("1")) {
                coefficients.putIfAbsent(term.coefficientTex(), term.coefficient());
            }
        }
        List<String> glossary = new ArrayList<>();
        coefficients.forEach((tex, value) -> glossary.add(tex + " = " + number(value)));
        for (int i = 0; i < glossary.size(); i += 3) {
            live.add(String.join(",\\quad ", glossary.subList(i, Math.min(glossary.size(), i + 3))));
        }
        int before = stages.size() - 1;
        for (int i = 0; i < Math.min(before, STAGES_SHOWN); i++) {
            live.add(numeric(stages.get(i)));
        }
        if (before > STAGES_SHOWN) {
            live.add("\\cdots\\ \\text{(" + (before - STAGES_SHOWN) + " more sub-steps)}");
        }
        live.add(numeric(last));
        return new SamplerEquation(info.key(), info.displayName(), rule, orders, nfe, step, live);
    }

    /** A stage's equation with each coefficient's value in its place. */
    static String numeric(StepAnatomy.Stage stage) {
        StringBuilder b = new StringBuilder(stage.symbolTex()).append(" = ");
        boolean first = true;
        for (StepAnatomy.Term t : stage.terms()) {
            double c = t.coefficient();
            if (first) {
                b.append(c < 0 ? "-" : "");
            } else {
                b.append(c < 0 ? " - " : " + ");
            }
            if (c == 1 || c == -1) {
                b.append(t.valueTex());
            } else {
                b.append(number(Math.abs(c))).append("\\,").append(t.valueTex());
            }
            first = false;
        }
        return b.toString();
    }

    /** A value as plain text with three significant digits. */
    public static String plain(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** A value in LaTeX with four significant digits ({@code 1.234\times10^{-5}} outside [10⁻³, 10⁴)). */
    public static String number(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.isNaN(v) ? "\\text{NaN}" : (v > 0 ? "\\infty" : "-\\infty");
        }
        java.math.BigDecimal rounded = new java.math.BigDecimal(v).round(new java.math.MathContext(4));
        double a = Math.abs(rounded.doubleValue());
        if (a >= 1e-3 && a < 1e4) {
            return rounded.stripTrailingZeros().toPlainString();
        }
        int e = (int) Math.floor(Math.log10(a));
        double m = v / Math.pow(10, e);
        if (Math.abs(m) >= 9.9995) {
            m /= 10;
            e++;
        }
        return String.format(Locale.ROOT, "%.3f", m).replaceAll("0+$", "").replaceAll("\\.$", "") + "\\times10^{" + e + "}";
    }
}
