package org.scorescope.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Log-axis tick labels: powers of ten as 10ᵏ, doublings as plain numbers, never "1E-1". */
class DecadeFormatTest {
    @Test
    void labels() {
        assertEquals("1", DecadeFormat.label(1));
        assertEquals("100", DecadeFormat.label(100.00000000001));
        assertEquals("10³", DecadeFormat.label(1000));
        assertEquals("10⁻¹", DecadeFormat.label(0.1));
        assertEquals("10⁻¹²", DecadeFormat.label(1e-12));
        assertEquals("200", DecadeFormat.label(Math.pow(10, 2 + Math.log10(2))));
        assertEquals("1,600", DecadeFormat.label(Math.pow(10, 2 + 4 * Math.log10(2))));
        assertEquals("0.00316", DecadeFormat.label(0.0031623));
    }
}
