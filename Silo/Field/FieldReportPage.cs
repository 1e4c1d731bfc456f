namespace Dispatch.Silo.Field;

/// <summary>
/// The grid worker's phone-first report page (/field/report): one static page (embedded Field/report.html) that speaks
/// to the API with the grid worker's bearer token — category, summary, location text, photos from the camera — and
/// retries a report with the same Idempotency-Key until the silo confirms it, so a flaky network never makes two cases.
/// </summary>
public static class FieldReportPage
{
    public const string Path = "/field/report";

    private static readonly Lazy<byte[]> Html = new(() =>
    {
        using var stream = typeof(FieldReportPage).Assembly.GetManifestResourceStream("Dispatch.Silo.Field.report.html")
            ?? throw new InvalidOperationException("The embedded Field/report.html is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IEndpointRouteBuilder MapFieldReportPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, (HttpResponse response) =>
        {
            response.Headers.CacheControl = "no-cache";
            response.Headers.XContentTypeOptions = "nosniff";
            return Results.Bytes(Html.Value, "text/html; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }
}
