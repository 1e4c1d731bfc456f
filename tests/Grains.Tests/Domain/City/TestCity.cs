using System.Text.Json.Nodes;
using Dispatch.Grains.Domain.City;

namespace Dispatch.Grains.Tests.Domain.City;

/// <summary>The shipped data files, loaded once.</summary>
internal static class TestCity
{
    public const string FileName = "city-test.json";

    private static readonly Lazy<CityModel> LazyModel = new(() => CityLoader.Load(PathOf(FileName)));
    private static readonly Lazy<CityModel> LazyBaotou = new(() => CityLoader.Load(PathOf("city-baotou.json")));

    /// <summary>Data/city-test.json.</summary>
    public static CityModel Model => LazyModel.Value;

    /// <summary>Data/city-baotou.json.</summary>
    public static CityModel Baotou => LazyBaotou.Value;

    public static string PathOf(string fileName) => Path.Combine(CityLoader.DataDirectory, fileName);

    public static string Json => File.ReadAllText(PathOf(FileName));

    /// <summary>The test city's JSON after <paramref name="change"/>, for error tests.</summary>
    public static string Mutated(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Json, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    /// <summary>The index of the entry with <paramref name="id"/> in the array <paramref name="name"/>.</summary>
    public static int IndexOf(JsonObject root, string name, string id) =>
        root[name]!.AsArray().Select((n, i) => (n, i)).Single(p => (string?)p.n!["id"] == id).i;
}
