using Dispatch.Grains.Engine;
using Orleans.Core;
using Orleans.Runtime;

namespace Dispatch.Grains.Tests.Engine;

public sealed class GroupCommitTests
{
    /// <summary>A state whose writes complete only when the test says so, recording what each write stored.</summary>
    private sealed class GatedState : IPersistentState<List<int>>
    {
        public List<int> State { get; set; } = [];
        public string? Etag => null;
        public bool RecordExists => Stored.Count > 0;
        public List<List<int>> Stored { get; } = [];
        public Queue<TaskCompletionSource> Gates { get; } = new();
        public bool FailNext { get; set; }

        public Task ReadStateAsync() => Task.CompletedTask;

        public async Task WriteStateAsync()
        {
            var snapshot = State.ToList();
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Gates.Enqueue(gate);
            await gate.Task;
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("store refused");
            }
            Stored.Add(snapshot);
        }

        public Task ClearStateAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task WriteAsync_ChangesDuringAWrite_ShareTheNextWrite()
    {
        var state = new GatedState();
        var commit = new GroupCommit<List<int>>(state);
        state.State.Add(1);
        var first = commit.WriteAsync();
        state.State.Add(2);
        var second = commit.WriteAsync();
        state.State.Add(3);
        var third = commit.WriteAsync();

        state.Gates.Dequeue().SetResult();
        await first;
        Assert.False(second.IsCompleted, "the second change is not stored yet, so its caller must still wait");
        state.Gates.Dequeue().SetResult();
        await Task.WhenAll(second, third);

        Assert.Equal([[1], [1, 2, 3]], state.Stored);
        Assert.Empty(state.Gates);
    }

    [Fact]
    public async Task WriteAsync_FailedWrite_IsReportedAndTheNextCallerWritesAgain()
    {
        var state = new GatedState { FailNext = true };
        var commit = new GroupCommit<List<int>>(state);
        state.State.Add(1);
        var failing = commit.WriteAsync();
        state.Gates.Dequeue().SetResult();
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);

        var retry = commit.FlushAsync();
        state.Gates.Dequeue().SetResult();
        await retry;

        Assert.Equal([[1]], state.Stored);
    }

    [Fact]
    public async Task FlushAsync_NothingChanged_ReturnsWithoutWriting()
    {
        var state = new GatedState();

        await new GroupCommit<List<int>>(state).FlushAsync();

        Assert.Empty(state.Stored);
        Assert.Empty(state.Gates);
    }
}
