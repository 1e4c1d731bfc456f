using System.Text.Json;
using Orleans;
using Dispatch.Silo.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Dispatch.Silo.Options;

namespace Dispatch.Silo.Tests.Errors;

public sealed class ApiExceptionHandlerTests
{
    private static async Task<(int Status, JsonElement Problem, string ContentType, string RetryAfter)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var handler = new ApiExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), Microsoft.Extensions.Options.Options.Create(new RetryOptions()), NullLogger<ApiExceptionHandler>.Instance);

        Assert.True(await handler.TryHandleAsync(context, exception, CancellationToken.None));

        context.Response.Body.Position = 0;
        var problem = (await JsonDocument.ParseAsync(context.Response.Body)).RootElement.Clone();
        return (context.Response.StatusCode, problem, context.Response.ContentType ?? "", context.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task TryHandleAsync_UnexpectedException_Is500WithTraceIdAndNoDetails()
    {
        var (status, problem, contentType, retryAfter) = await HandleAsync(new InvalidOperationException("secret internals at Foo.Bar()"));

        Assert.Equal(500, status);
        Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
        Assert.Equal(ProblemTypes.Internal, problem.GetProperty("type").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
        Assert.Equal("", retryAfter);
        Assert.DoesNotContain("secret", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryHandleAsync_GrainCallTimeout_Is503()
    {
        var (status, problem, _, retryAfter) = await HandleAsync(new TimeoutException("Response did not arrive on time in 00:00:30 for message: ICaseGrain.Get"));

        Assert.Equal(503, status);
        Assert.Equal(ProblemTypes.Unavailable, problem.GetProperty("type").GetString());
        Assert.Equal("2", retryAfter);
    }

    [Fact]
    public async Task TryHandleAsync_SiloGoneDuringFailover_Is503()
    {
        var (status, problem, _, retryAfter) = await HandleAsync(new Orleans.Runtime.SiloUnavailableException("Silo S127.0.0.1:11111 is dead"));

        Assert.Equal(503, status);
        Assert.Equal(ProblemTypes.Unavailable, problem.GetProperty("type").GetString());
        Assert.Equal("2", retryAfter);
    }

    [Fact]
    public async Task TryHandleAsync_ReminderNotStoredWhileTheStoreIsAway_Is503()
    {
        var (status, _, _, retryAfter) = await HandleAsync(new Orleans.Runtime.ReminderException("Could not register reminder: try again later."));

        Assert.Equal(503, status);
        Assert.Equal("2", retryAfter);
    }
}
