using Orleans;
namespace Dispatch.Grains.Interfaces.Cases;

/// <summary>The follow-up visit (回访): satisfaction 1..5.</summary>
[GenerateSerializer, Immutable, Alias("dispatch.FollowUpCase")]
public sealed record FollowUpCase(int Satisfaction, string? Note, Actor Actor);
