namespace Dispatch.Silo.Open311;

/// <summary>A validated Open311 client: its api_key, its scope (a township, county or city center) and its name.</summary>
public sealed record Open311Client(string ApiKey, string Scope, string Name);
