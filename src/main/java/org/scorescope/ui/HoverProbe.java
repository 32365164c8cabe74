package org.scorescope.ui;

import java.util.function.Consumer;
import org.scorescope.ui.lab.RunView;
import org.scorescope.ui.service.Lane;
import org.scorescope.ui.service.UiThread;

/**
 * What is under the mouse: x, the exact density and the score at the displayed level, computed on
 * a lane (a score is never evaluated on the FX thread) and shown in the status line while the mouse
 * is over a panel. Only the newest position is evaluated; the panels are not redrawn.
 */
final class HoverProbe {
    private final Lane lane;
    private final UiThread ui;
    private final Consumer<String> out;

    HoverProbe(Lane lane, UiThread ui, Consumer<String> out) {
        this.lane = lane;
        this.ui = ui;
        this.out = out;
    }

    /** Evaluates at a world point (null: the mouse left the panels). */
    void at(RunView run, int step, double[] world) {
        if (run == null || world == null) {
            lane.latest("hover", () -> ui.run(() -> out.accept("")));
            return;
        }
        double abar = run.grid().abar(step);
        lane.latest("hover", () -> {
            String text = text(run, abar, world[0], world[1]);
            ui.run(() -> out.accept(text));
        });
    }

    static String text(RunView c, double abar, double x, double y) {
        if (c.oneDimensional()) {
            double[] p = {y};
            double[] s = new double[1];
            c.target().score(p, abar, s);
            return String.format("x = %.3f   density %.4g   score %.4g", y, c.target().density(p, abar), s[0]);
        }
        double[] p = {x, y};
        double[] s = new double[2];
        c.view2d().score(p, abar, s);
        return String.format("x = (%.3f, %.3f)   density %.4g   score (%.3g, %.3g)", x, y, c.view2d().density(p, abar), s[0], s[1]);
    }
}
