package org.scorescope.ui;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scorescope.sampler.SamplerInfo;
import org.scorescope.sampler.SamplerRegistry;

/**
 * Where each sampler comes from, in words a reader recognises: the seed document's title and the
 * equation, instead of the seed file's name ("001_98742fe78869e08d.txt eq. (8)" becomes "Li, Huang,
 * Efimov, Wei, Chi, Chen, Accelerating Convergence of Score-Based Diffusion Models, Provably (ICML
 * 2024), eq. (8)"). Shown when hovering a sampler.
 */
final class Citations {
    private static final Pattern SEED = Pattern.compile("(\\d{3})_[0-9a-f]{16}\\.txt,?");
    private static final Map<String, String> TITLES = Map.of(
            "000", "“Faster Diffusion Models via Higher-Order Approximation” (slides)",
            "001", "Li, Huang, Efimov, Wei, Chi, Chen, “Accelerating Convergence of Score-Based Diffusion Models, Provably” (ICML 2024)",
            "002", "“Non-asymptotic theory for diffusion models” (slides)",
            "003", "“Theoretical Foundations of Diffusion Models” (tutorial slides)",
            "004", "“Accelerating Diffusion Models with Parallel Sampling” (slides)");

    private Citations() {
    }

    /** A citation with every seed file name replaced by its document's title. */
    static String readable(String citation) {
        Matcher m = SEED.matcher(citation);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String title = TITLES.getOrDefault(m.group(1), m.group(0));
            m.appendReplacement(b, Matcher.quoteReplacement(title + ","));
        }
        m.appendTail(b);
        return b.toString().replace(",,", ",").replaceAll(",\\s*$", "").replace(", ;", ";");
    }

    /** The hover text of a sampler: its name and where it comes from; empty for an unknown id. */
    static String of(String samplerId, Map<String, Double> params) {
        try {
            SamplerInfo info = SamplerRegistry.create(samplerId, params).info();
            return info.displayName() + "\n" + readable(info.citation());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
