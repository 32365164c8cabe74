package org.scorescope.teaching;

import java.util.List;

/**
 * A sampler's update rule as its source writes it, for the equation panel (issue 18): LaTeX lines
 * (JLaTeXMath's dialect: {@code \textcolor}, not {@code \color}), where it is written (a seed file and
 * equation, or the reference code), and the paper it comes from.
 *
 * @param key the sampler's canonical id
 * @param lines the rule, one LaTeX formula per line, in the order a step computes them
 * @param source the seed file and equation, or the reference implementation
 * @param paper authors, title and equation or algorithm
 * @param note one line on the form shown (which variant, what the symbols mean), or empty
 */
public record UpdateRule(String key, List<String> lines, String source, String paper, String note) {
    /** Copies. */
    public UpdateRule {
        lines = List.copyOf(lines);
    }
}
