using System.Globalization;
using System.Net;
using System.Text;

namespace Dispatch.LoadTests.Reporting;

/// <summary>Small inline SVG charts (no script, no external resources): line charts with an optional limit line, bar charts.</summary>
public static class SvgChart
{
    private const int Width = 720;
    private const int Height = 260;
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 44;
    private const int Bottom = 40;

    /// <summary>A line chart; <paramref name="limit"/> draws a dashed horizontal line (a target) labelled <paramref name="limitLabel"/>.</summary>
    public static string Line(string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series, double? limit = null, string? limitLabel = null)
    {
        var points = series.SelectMany(s => s.Points).ToList();
        var svg = Open(title);
        if (points.Count == 0)
        {
            svg.Append(Text(Width / 2.0, Height / 2.0, "no data", "middle", "#888"));
            return Close(svg);
        }
        var xMin = points.Min(p => p.X);
        var xMax = Math.Max(points.Max(p => p.X), xMin + 1);
        var yMax = NiceCeiling(Math.Max(points.Max(p => p.Y), limit ?? 0));
        double X(double x) => Left + (x - xMin) / (xMax - xMin) * (Width - Left - Right);
        double Y(double y) => Height - Bottom - y / yMax * (Height - Top - Bottom);

        Axes(svg, xMin, xMax, yMax, xLabel, yLabel, X, Y);
        if (limit is { } l)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(l):0.#}\" y2=\"{Y(l):0.#}\" stroke=\"#c0392b\" stroke-dasharray=\"6 4\"/>");
            svg.Append(Text(Width - Right - 4, Y(l) - 4, limitLabel ?? "target", "end", "#c0392b"));
        }
        foreach (var s in series)
        {
            if (s.Points.Count == 0) continue;
            var path = string.Join(" ", s.Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.X):0.#},{Y(p.Y):0.#}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{Attr(s.Colour)}\" stroke-width=\"1.6\" points=\"{path}\"/>");
        }
        Legend(svg, series.Select(s => (s.Name, s.Colour)).ToList());
        return Close(svg);
    }

    /// <summary>A vertical bar chart with the value above each bar.</summary>
    public static string Bars(string title, string yLabel, IReadOnlyList<ChartBar> bars, string colour = "#2e86de")
    {
        var svg = Open(title);
        if (bars.Count == 0)
        {
            svg.Append(Text(Width / 2.0, Height / 2.0, "no data", "middle", "#888"));
            return Close(svg);
        }
        var yMax = NiceCeiling(bars.Max(b => b.Value));
        double Y(double y) => Height - Bottom - y / yMax * (Height - Top - Bottom);
        var slot = (Width - Left - Right) / (double)bars.Count;
        Axes(svg, 0, bars.Count, yMax, "", yLabel, x => Left + x * slot, Y, xTicks: false);
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var x = Left + i * slot + slot * 0.15;
            var top = Y(b.Value);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x:0.#}\" y=\"{top:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{Height - Bottom - top:0.#}\" fill=\"{Attr(colour)}\"><title>{Html(b.Label)}: {b.Value:0.##}</title></rect>");
            svg.Append(Text(x + slot * 0.35, top - 3, b.Value.ToString("0.##", CultureInfo.InvariantCulture), "middle", "#333"));
            svg.Append(Text(x + slot * 0.35, Height - Bottom + 16, b.Label, "middle", "#333"));
        }
        return Close(svg);
    }

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="value"/> (1 for nothing positive).</summary>
    public static double NiceCeiling(double value)
    {
        if (!(value > 0) || !double.IsFinite(value)) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var m in new[] { 1.0, 2, 5, 10 })
        {
            if (m * power >= value * (1 - 1e-12)) return m * power;
        }
        return 10 * power;
    }

    private static void Axes(StringBuilder svg, double xMin, double xMax, double yMax, string xLabel, string yLabel,
        Func<double, double> x, Func<double, double> y, bool xTicks = true)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#555\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#555\"/>");
        for (var i = 0; i <= 4; i++)
        {
            var v = yMax * i / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y(v):0.#}\" y2=\"{y(v):0.#}\" stroke=\"#eee\"/>");
            svg.Append(Text(Left - 6, y(v) + 4, Number(v), "end", "#555"));
        }
        if (xTicks)
        {
            for (var i = 0; i <= 5; i++)
            {
                var v = xMin + (xMax - xMin) * i / 5;
                svg.Append(Text(x(v), Height - Bottom + 16, Number(v), "middle", "#555"));
            }
        }
        svg.Append(Text((Left + Width - Right) / 2.0, Height - 6, xLabel, "middle", "#333"));
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"14\" y=\"{(Top + Height - Bottom) / 2.0:0.#}\" transform=\"rotate(-90 14 {(Top + Height - Bottom) / 2.0:0.#})\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">{Html(yLabel)}</text>");
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<(string Name, string Colour)> entries)
    {
        var x = Left + 8.0;
        foreach (var (name, colour) in entries)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{Top - 20}\" width=\"10\" height=\"10\" fill=\"{Attr(colour)}\"/>");
            svg.Append(Text(x + 14, Top - 11, name, "start", "#333"));
            x += 24 + name.Length * 6.5;
        }
    }

    private static StringBuilder Open(string title)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{Attr(title)}\" font-family=\"sans-serif\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Html(title)}</title>");
        svg.Append(Text(Width / 2.0, 14, title, "middle", "#111", 13));
        return svg;
    }

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static string Text(double x, double y, string text, string anchor, string colour, int size = 11) =>
        string.Create(CultureInfo.InvariantCulture,
            $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" font-size=\"{size}\" fill=\"{colour}\">{Html(text)}</text>");

    private static string Number(double v) =>
        Math.Abs(v) >= 1_000_000 ? (v / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture) + "M"
        : Math.Abs(v) >= 10_000 ? (v / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "k"
        : v.ToString(Math.Abs(v) >= 10 ? "0" : "0.##", CultureInfo.InvariantCulture);

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    private static string Attr(string text) => WebUtility.HtmlEncode(text);
}
