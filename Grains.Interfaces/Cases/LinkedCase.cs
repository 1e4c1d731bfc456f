using NodaTime;
using Orleans;

namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>A sibling case linked to this one as the same problem (重复件), and when it was reported.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.LinkedCase")]
public sealed record LinkedCase(string CaseId, Instant CreatedAt);

/// <summary>An open or recently resolved case of the same grid and category with a similar summary, suggested on report.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.RepeatSuggestion")]
public sealed record RepeatSuggestion(string CaseId, string Summary, Model.CaseState State, Instant CreatedAt, double Similarity);

/// <summary>Link this case with <see cref="Other"/> (each side is told by the API, this side first).</summary>
[GenerateSerializer, Immutable, Alias("dispatch.LinkCase")]
public sealed record LinkCase(LinkedCase Other, Actor Actor);
