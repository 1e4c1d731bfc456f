using Dispatch.Grains.Interfaces.Cases;

namespace Dispatch.Dashboard.Components;

/// <summary>What a department does with one of its summonses; <see cref="DoneKey"/> names the confirmation (<c>Done_*</c>).</summary>
public sealed record SummonsAct(string SummonsId, SummonsActionKind Kind, string? Note, bool Done, string DoneKey);
