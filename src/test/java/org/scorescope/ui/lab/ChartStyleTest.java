package org.scorescope.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class ChartStyleTest {
    @Test
    void thePaperLookReachesEverySubplotOfACombinedChart() {
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new NumberAxis("step"));
        XYPlot tv = new XYPlot(null, null, new NumberAxis("TV"), null);
        XYPlot kl = new XYPlot(null, null, new NumberAxis("KL"), null);
        combined.add(tv);
        combined.add(kl);
        JFreeChart chart = new JFreeChart(combined);
        ChartStyle.style(chart);
        assertEquals(ChartStyle.PLOT, kl.getBackgroundPaint(), "the dark look first");
        ChartStyle.paper(chart, 1);
        for (XYPlot sub : new XYPlot[] {tv, kl}) {
            assertEquals(Color.WHITE, sub.getBackgroundPaint(), sub.getRangeAxis().getLabel());
            assertEquals(new Color(0x1A1A1F), sub.getRangeAxis().getLabelPaint(), sub.getRangeAxis().getLabel());
            assertEquals(new Color(0x1A1A1F), sub.getRangeAxis().getTickLabelPaint(), sub.getRangeAxis().getLabel());
        }
        assertEquals(new Color(0x1A1A1F), combined.getDomainAxis().getTickLabelPaint());
    }
}
