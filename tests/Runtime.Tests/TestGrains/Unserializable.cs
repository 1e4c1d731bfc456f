namespace Dispatch.Runtime.Tests.TestGrains;

/// <summary>A message that cannot cross a process boundary: it holds a delegate.</summary>
public sealed record Unserializable(Func<int> Callback);
