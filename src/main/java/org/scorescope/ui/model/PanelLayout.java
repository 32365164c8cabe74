package org.scorescope.ui.model;

/** How the panels are arranged. */
public enum PanelLayout {
    /** One row up to three panels, then two rows (4 → 2×2, 5–6 → 2×3, 7–8 → 2×4). */
    AUTO("Auto"),
    /** All panels side by side. */
    ROW("One row"),
    /** All panels stacked. */
    COLUMN("One column");

    private final String label;

    PanelLayout(String label) {
        this.label = label;
    }

    /** Columns and rows for {@code n} panels. */
    public int[] grid(int n) {
        int k = Math.max(1, n);
        return switch (this) {
            case ROW -> new int[] {k, 1};
            case COLUMN -> new int[] {1, k};
            case AUTO -> k <= 3 ? new int[] {k, 1} : new int[] {(k + 1) / 2, 2};
        };
    }

    /** The next arrangement (the L key cycles through them). */
    public PanelLayout next() {
        return values()[(ordinal() + 1) % values().length];
    }

    @Override
    public String toString() {
        return label;
    }
}
