package org.taizhang.core.report.files;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.taizhang.core.report.OfficialDocument;

/**
 * A {@link OfficialDocument.Chart} drawn: as vectors on any Graphics2D (OpenPDF's PdfGraphics2D for a PDF: bars,
 * axes and labels stay sharp when printed and the labels are text in embedded fonts), and as a native bar chart in a
 * Word file that a clerk can edit (its numbers in the chart's own embedded workbook). The same colours in both.
 */
final class ChartFiles {
    private ChartFiles() {}

    /** Draws the chart (without its caption, which the document sets above) into {@code area}. */
    static void draw(OfficialDocument.Chart chart, Graphics2D g, Rectangle2D area, java.awt.Font font) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (OfficialDocument.Series s : chart.series()) {
            for (int i = 0; i < chart.categories().size(); i++) {
                data.addValue(s.values().get(i), s.name(), chart.categories().get(i));
            }
        }
        CategoryAxis categories = new CategoryAxis();
        categories.setTickLabelFont(font);
        if (horizontal(chart)) {
            // long unit names beside horizontal bars, whole; under columns the ratio would be of one column's width
            // (JFreeChart lets it replace the position's own 0.95): a category's name was cut to "…"
            categories.setMaximumCategoryLabelWidthRatio(0.45f);
        }
        categories.setMaximumCategoryLabelLines(2); // a longer name under its columns wraps instead
        NumberAxis values = new NumberAxis(chart.valueName());
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // counts: no 2.5 findings
        values.setUpperMargin(0.08); // the longest bar ends short of the frame, under a tick of its own
        values.setTickLabelFont(font);
        values.setLabelFont(font);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter()); // flat: no gradient or shadow on an official document
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        for (int i = 0; i < chart.series().size(); i++) {
            bars.setSeriesPaint(
                    i, color(OfficialDocument.Chart.PALETTE.get(i % OfficialDocument.Chart.PALETTE.size())));
        }
        CategoryPlot plot = new CategoryPlot(data, categories, values, bars);
        plot.setOrientation(horizontal(chart) ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xBF, 0xBF, 0xBF));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        JFreeChart drawn = new JFreeChart(null, font, plot, chart.series().size() > 1);
        drawn.setBackgroundPaint(Color.WHITE);
        drawn.setAntiAlias(true);
        LegendTitle legend = drawn.getLegend();
        if (legend != null) {
            legend.setItemFont(font);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        drawn.draw(g, area);
    }

    /** Long names (units) read beside horizontal bars; short ones (categories) under columns. */
    static boolean horizontal(OfficialDocument.Chart chart) {
        return chart.categories().stream().anyMatch(c -> c.length() > 5);
    }

    private static Color color(String hex) {
        return new Color(Integer.parseInt(hex, 16));
    }

    /** A native clustered bar chart in {@code run}, {@code widthEmu} wide. */
    static void append(
            XWPFDocument d,
            org.apache.poi.xwpf.usermodel.XWPFRun run,
            OfficialDocument.Chart chart,
            int widthEmu,
            int heightEmu)
            throws Exception {
        XWPFChart c = d.createChart(run, widthEmu, heightEmu);
        c.setTitleOverlay(false);
        c.setAutoTitleDeleted(true); // the caption is the document's, above the chart: no "Chart Title"
        c.deleteLegend();
        if (chart.series().size() > 1) {
            c.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        }
        XDDFCategoryAxis x = c.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = c.createValueAxis(AxisPosition.LEFT);
        if (horizontal(chart)) { // the largest first, at the top, as in the PDF
            x.setOrientation(org.apache.poi.xddf.usermodel.chart.AxisOrientation.MAX_MIN);
        }
        if (!chart.valueName().isEmpty()) {
            y.setTitle(chart.valueName());
        }
        // with their cells in the chart's embedded workbook (plot fills it): Word's 编辑数据 opens the numbers
        int n = chart.categories().size();
        XDDFCategoryDataSource names = XDDFDataSourcesFactory.fromArray(
                chart.categories().toArray(String[]::new),
                c.formatRange(new org.apache.poi.ss.util.CellRangeAddress(1, n, 0, 0)),
                0);
        XDDFBarChartData data = (XDDFBarChartData) c.createData(ChartTypes.BAR, x, y);
        data.setBarDirection(horizontal(chart) ? BarDirection.BAR : BarDirection.COL);
        data.setBarGrouping(BarGrouping.CLUSTERED);
        for (int i = 0; i < chart.series().size(); i++) {
            OfficialDocument.Series s = chart.series().get(i);
            XDDFNumericalDataSource<Long> numbers = XDDFDataSourcesFactory.fromArray(
                    s.values().toArray(Long[]::new),
                    c.formatRange(new org.apache.poi.ss.util.CellRangeAddress(1, n, i + 1, i + 1)),
                    i + 1);
            XDDFBarChartData.Series series = (XDDFBarChartData.Series) data.addSeries(names, numbers);
            series.setTitle(s.name(), c.setSheetTitle(s.name(), i + 1));
            XDDFShapeProperties fill = new XDDFShapeProperties();
            String hex = OfficialDocument.Chart.PALETTE.get(i % OfficialDocument.Chart.PALETTE.size());
            fill.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(hexBytes(hex))));
            series.setShapeProperties(fill);
        }
        c.plot(data);
    }

    private static byte[] hexBytes(String hex) {
        int v = Integer.parseInt(hex, 16);
        return new byte[] {(byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }
}
