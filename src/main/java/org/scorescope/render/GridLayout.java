package org.scorescope.render;

import org.scorescope.scenario.ScenarioException;

/**
 * How the panels of one step are arranged: {@code rows × columns} places filled row by row. The
 * window and the exported figures use the same arrangement, so an export looks like the window.
 *
 * @param rows places down
 * @param columns places across
 */
public record GridLayout(int rows, int columns) {
    /** Checks the sides. */
    public GridLayout {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("a grid needs at least one row and one column, was " + rows + "x" + columns);
        }
    }

    /**
     * The default for n panels: one row up to three (1×1, 1×2, 1×3), two rows up to eight (2×2,
     * 2×3, 2×4), then as square as possible. No row is left empty.
     */
    public static GridLayout auto(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("no panels to lay out");
        }
        if (n <= 3) {
            return new GridLayout(1, n);
        }
        if (n <= 8) {
            return new GridLayout(2, (n + 1) / 2);
        }
        int cols = (int) Math.ceil(Math.sqrt(n));
        return new GridLayout((n + cols - 1) / cols, cols);
    }

    /**
     * Parses {@code RxC} (also {@code R×C}); {@code field} names the flag or scenario field in the
     * error message.
     */
    public static GridLayout parse(String text, String field) {
        String[] rc = text.trim().toLowerCase().split("[x×]");
        try {
            if (rc.length != 2) {
                throw new NumberFormatException();
            }
            int r = Integer.parseInt(rc[0].trim());
            int c = Integer.parseInt(rc[1].trim());
            if (r < 1 || c < 1 || r > 16 || c > 16) {
                throw new NumberFormatException();
            }
            return new GridLayout(r, c);
        } catch (NumberFormatException e) {
            throw new ScenarioException(field, "must be ROWSxCOLUMNS with each side in 1..16, e.g. 2x2 or 1x3, was '" + text + "'");
        }
    }

    /** Places in the grid. */
    public int places() {
        return rows * columns;
    }

    /**
     * Checks that n panels fit and leave no row empty.
     *
     * @throws ScenarioException naming {@code field} otherwise
     */
    public GridLayout check(int n, String field) {
        if (places() < n) {
            throw new ScenarioException(field, rows + "x" + columns + " has " + places() + " places for " + n + " panels; e.g. "
                    + auto(n).rows() + "x" + auto(n).columns());
        }
        if ((rows - 1) * columns >= n) {
            throw new ScenarioException(field, rows + "x" + columns + " leaves its last row empty for " + n + " panels; e.g. "
                    + auto(n).rows() + "x" + auto(n).columns());
        }
        return this;
    }

    /** Row of the i-th panel. */
    public int row(int i) {
        return i / columns;
    }

    /** Column of the i-th panel. */
    public int column(int i) {
        return i % columns;
    }

    @Override
    public String toString() {
        return rows + "x" + columns;
    }
}
