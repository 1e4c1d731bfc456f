using Orleans;
namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>A department acting on one of its summonses.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.SummonsCommand")]
public sealed record SummonsCommand(string SummonsId, SummonsActionKind Kind, string? Note, bool Done, Actor Actor);
