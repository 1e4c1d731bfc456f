namespace Dispatch.Runtime.Tests.TestGrains;

/// <summary>Throws on request; fails OnActivateAsync while <see cref="ActivationFaults"/> says so for its key.</summary>
public sealed class FaultyGrain(ActivationFaults faults) : Grain, IFaultyGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
        => faults.ShouldFail(GrainKey) ? throw new InvalidOperationException($"activation of {GrainKey} refused") : Task.CompletedTask;

    public Task Throw(string message) => throw new ArgumentOutOfRangeException("value", message);

    public ValueTask<int> ThrowFromValueTask(string message) => throw new FormatException(message);

    public Task Hang() => new TaskCompletionSource().Task;

    public Task<string> Echo(string text) => Task.FromResult(text);
}
