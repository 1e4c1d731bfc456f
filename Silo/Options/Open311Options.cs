namespace Dispatch.Silo.Options;

/// <summary>Open311 GeoReport v2 intake (configuration section "Open311").</summary>
public sealed class Open311Options
{
    public const string Section = "Open311";

    /// <summary>The clients that may submit and read requests: <c>Open311:Clients:&lt;n&gt;:ApiKey|Scope|Name</c>.</summary>
    public List<Open311ClientOptions> Clients { get; set; } = [];
}

/// <summary>One Open311 client as configured.</summary>
public sealed class Open311ClientOptions
{
    /// <summary>The api_key the client sends.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A township, county or city center id: where the client's requests may go and which it may read.</summary>
    public string? Scope { get; set; }

    /// <summary>Who the client is (a civic app, a 12345 platform); recorded on the cases it reports.</summary>
    public string? Name { get; set; }
}
