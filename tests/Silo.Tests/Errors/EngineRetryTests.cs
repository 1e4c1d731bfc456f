using System.Diagnostics;
using Dispatch.Silo.Application;
using Dispatch.Silo.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Dispatch.Silo.Tests.Errors;

public sealed class EngineRetryTests
{
    private static readonly RetryOptions Quick = new()
    {
        RequestBudget = TimeSpan.FromMilliseconds(600),
        FirstDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(50),
    };

    private static EngineRetry Retry(HttpContext? context = null, TimeSpan? budget = null) =>
        new(Microsoft.Extensions.Options.Options.Create(budget is { } b ? new RetryOptions
        {
            RequestBudget = b,
            FirstDelay = Quick.FirstDelay,
            MaxDelay = Quick.MaxDelay,
        } : Quick), new HttpContextAccessor { HttpContext = context });

    [Fact]
    public async Task RunAsync_TransientFailuresThenSuccess_AnswersTheSuccess()
    {
        var tries = 0;
        // A budget a loaded machine cannot run out of in four short pauses.
        var answer = await Retry(budget: TimeSpan.FromSeconds(30)).RunAsync(() => ++tries < 4
            ? Task.FromException<int>(new SiloUnavailableException("silo S1 is dead"))
            : Task.FromResult(42));

        Assert.Equal(42, answer);
        Assert.Equal(4, tries);
    }

    [Fact]
    public async Task RunAsync_NotTransient_IsNotTriedAgain()
    {
        var tries = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => Retry().RunAsync<int>(() =>
        {
            tries++;
            throw new InvalidOperationException("a bug");
        }));
        Assert.Equal(1, tries);
    }

    [Fact]
    public async Task RunAsync_FailingAllAlong_GivesUpWithTheFailureWithinTheBudget()
    {
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<TimeoutException>(() =>
            Retry().RunAsync(() => Task.FromException<int>(new TimeoutException("no answer"))));
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, Quick.RequestBudget + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task RunAsync_CallThatHangs_IsGivenUpWhenTheBudgetEnds()
    {
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<TimeoutException>(() => Retry().RunAsync(() => new TaskCompletionSource<int>().Task));
        Assert.InRange(watch.Elapsed, Quick.RequestBudget - TimeSpan.FromMilliseconds(50), Quick.RequestBudget + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task RunAsync_SecondCallOfARequest_SharesTheRequestsBudget()
    {
        var retry = Retry(new DefaultHttpContext());
        await Assert.ThrowsAsync<TimeoutException>(() => retry.RunAsync(() => new TaskCompletionSource<int>().Task));

        var tries = 0;
        await Assert.ThrowsAsync<TimeoutException>(() => retry.RunAsync(() => Task.FromResult(++tries)));
        Assert.Equal(0, tries);
    }
}
