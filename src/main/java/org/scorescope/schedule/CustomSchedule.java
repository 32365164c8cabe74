package org.scorescope.schedule;

/**
 * An explicit list of ᾱ values, output level first, so that a run can be matched point for point
 * with another implementation. The list fixes T: {@link #grid(int)} accepts only T = size − 1.
 */
public record CustomSchedule(double[] abar) implements Schedule {
    /** Validates and copies the levels. */
    public CustomSchedule {
        Grid.validate(abar);
        abar = abar.clone();
    }

    @Override
    public String id() {
        return "custom";
    }

    /** T of this grid. */
    public int steps() {
        return abar.length - 1;
    }

    @Override
    public Grid grid(int steps) {
        if (steps != abar.length - 1) {
            throw new IllegalArgumentException("the custom grid has " + abar.length + " levels, so T = "
                    + (abar.length - 1) + "; asked for T = " + steps);
        }
        return new Grid(abar, "custom");
    }
}
