package org.scorescope.ui.labs.inverse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.scorescope.inverse.InverseProblem;

/** The exact posterior in one short paragraph for the lab's section: its weights, largest first, and its mean. */
final class PosteriorText {
    private PosteriorText() {
    }

    static String of(InverseProblem p) {
        double[] w = p.weights();
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < w.length; c++) {
            order.add(c);
        }
        order.sort(Comparator.comparingDouble((Integer c) -> -w[c]));
        StringBuilder b = new StringBuilder("Exact posterior weights π'_k: ");
        int shown = 0;
        double rest = 0;
        for (int c : order) {
            if (shown < 4 && w[c] >= 0.001) {
                b.append(shown == 0 ? "" : ", ").append(String.format(Locale.ROOT, "k=%d %.3f", c, w[c]));
                shown++;
            } else {
                rest += w[c];
            }
        }
        if (rest > 0) {
            b.append(String.format(Locale.ROOT, ", rest %.3g", rest));
        }
        double[] m = p.posteriorMean();
        b.append(String.format(Locale.ROOT, ". Mean E[x₀ | y] = (%.2f, %.2f).", m[0] + 0.0, m.length > 1 ? m[1] + 0.0 : 0.0));
        b.append(" The metrics pane measures every sampler against this posterior (TV, weight error, mean error).");
        return b.toString();
    }
}
