using System.Text.Json;
using Dispatch.Runtime;
using Dispatch.Silo.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dispatch.Silo.Tests.Errors;

public sealed class ApiExceptionHandlerTests
{
    private static async Task<(int Status, JsonElement Problem, string ContentType)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var handler = new ApiExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<ApiExceptionHandler>.Instance);

        Assert.True(await handler.TryHandleAsync(context, exception, CancellationToken.None));

        context.Response.Body.Position = 0;
        var problem = (await JsonDocument.ParseAsync(context.Response.Body)).RootElement.Clone();
        return (context.Response.StatusCode, problem, context.Response.ContentType ?? "");
    }

    [Fact]
    public async Task TryHandleAsync_UnexpectedException_Is500WithTraceIdAndNoDetails()
    {
        var (status, problem, contentType) = await HandleAsync(new InvalidOperationException("secret internals at Foo.Bar()"));

        Assert.Equal(500, status);
        Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
        Assert.Equal(ProblemTypes.Internal, problem.GetProperty("type").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
        Assert.DoesNotContain("secret", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryHandleAsync_GrainCallTimeout_Is503()
    {
        var (status, problem, _) = await HandleAsync(new GrainCallTimeoutException(new GrainId("ICaseGrain", "C-20261123-000001"), "Get", TimeSpan.FromSeconds(30)));

        Assert.Equal(503, status);
        Assert.Equal(ProblemTypes.Unavailable, problem.GetProperty("type").GetString());
    }
}
