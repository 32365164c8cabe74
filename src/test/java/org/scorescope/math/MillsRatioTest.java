package org.scorescope.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/** The rational Mills ratio against 50-digit values, the asymptotic series and Commons Math's erfc. */
class MillsRatioTest {
    /** (t, M(t)) from mpmath at 60 digits: sqrt(pi/2)*erfc(t/sqrt(2))*exp(t^2/2), rounded to 20 digits. */
    private static final double[][] REFERENCE = {
        {0, 1.2533141373155002512}, {0.001, 1.2523147636393921733}, {0.1, 1.1592623996187363287},
        {0.5, 0.87636445645369234673}, {0.75, 0.75257117906340805146}, {1, 0.65567954241879847154},
        {1.5, 0.51581563821796335503}, {2, 0.42136922928805447322}, {2.5, 0.35426511132979366678},
        {3, 0.30459029871010329573}, {3.7, 0.253777637406793576}, {4, 0.23665238291356067062},
        {5, 0.19280810471531576488}, {6, 0.16237766089686746182}, {7.5, 0.13107935580449176349},
        {9, 0.10978728257830829123}, {11, 0.09017567550106468228}, {13, 0.076475761016248502993},
        {16, 0.062258665995026195777}, {20, 0.049875925981836783658}, {25, 0.039936304769535592529},
        {30, 0.033296419072497213382}, {38, 0.026297602974252964378}, {45, 0.022211264503002375686},
        {60, 0.016662040889713753848}, {100, 0.0099990002998501049056}, {300, 0.0033332962975307956158},
        {1000, 0.000999999000002999985}, {1e5, 9.9999999990000000003e-6}, {1e9, 9.99999999999999999e-10}};

    @Test
    void matchesFiftyDigitValues() {
        for (double[] r : REFERENCE) {
            assertEquals(r[1], MillsRatio.of(r[0]), 1.5e-15 * r[1], "t=" + r[0]);
        }
    }

    @Test
    void matchesTheAsymptoticSeriesFarOut() {
        for (double t = 40; t < 1e12; t *= 1.37) {
            double r = 1 / (t * t);
            double series = (1 - r * (1 - 3 * r * (1 - 5 * r * (1 - 7 * r * (1 - 9 * r))))) / t;
            assertEquals(series, MillsRatio.of(t), 1.5e-15 * series, "t=" + t);
        }
    }

    @Test
    void givesTheNormalTailWithErfc() {
        double worst = 0;
        for (double t = 0; t <= 8; t += 0.01) {
            double tail = 0.5 * Erf.erfc(t / Math.sqrt(2));
            double fromMills = Math.exp(Normal.logPdf(t)) * MillsRatio.of(t);
            worst = Math.max(worst, Math.abs(fromMills / tail - 1));
        }
        assertTrue(worst < 2e-14, "worst relative difference " + worst);
    }
}
