package org.scorescope.ui.lab;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * Tick labels of a base-10 log axis: a power of ten as 10ᵏ (1, 10 and 100 as themselves), a number
 * ≥ 1 as a whole number with three significant digits (200, 1,600), anything else with three
 * significant digits — never "1E-1"; in Locale.ROOT, as exported data are. Decimals and thousands in Locale.ROOT, as in exported data.
 */
public final class DecadeFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    @Override
    public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
        return to.append(label(v));
    }

    @Override
    public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
        return to.append(label(v));
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        throw new UnsupportedOperationException("tick labels are not parsed");
    }

    /** The label of one value. */
    public static String label(double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        double e = Math.log10(v);
        long k = Math.round(e);
        if (Math.abs(e - k) < 1e-9) {
            if (k >= 0 && k <= 2) {
                return Long.toString(Math.round(v));
            }
            StringBuilder b = new StringBuilder("10");
            String digits = Long.toString(Math.abs(k));
            if (k < 0) {
                b.append('⁻');
            }
            for (char c : digits.toCharArray()) {
                b.append(SUPERSCRIPTS.charAt(c - '0'));
            }
            return b.toString();
        }
        if (v >= 1 && v < 1e7) {
            double digits = Math.pow(10, Math.max(0, Math.floor(Math.log10(v)) - 2));
            return String.format(java.util.Locale.ROOT, "%,d", Math.round(Math.round(v / digits) * digits));
        }
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
