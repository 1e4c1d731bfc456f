using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Grains.Cases;
using Dispatch.Grains.Engine;
using Dispatch.Silo.Tests.Infrastructure;

namespace Dispatch.Silo.Tests.Hosting;

/// <summary>
/// Traces run from the HTTP whistle through the case grain to the write of the rows departments' inboxes read, and
/// again on acknowledgement:
/// Orleans carries the caller's trace context (AddActivityPropagation) into every grain turn, including the outbox's deliveries.
/// </summary>
public sealed class TraceTests : IDisposable
{
    private readonly ConcurrentBag<Activity> _stopped = [];
    private readonly ConcurrentDictionary<(ActivityTraceId, string), TaskCompletionSource> _waiting = new();
    private readonly ActivityListener _listener;

    public TraceTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) || source.Name is "Microsoft.AspNetCore" or EngineTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                _stopped.Add(activity);
                Signal(activity.TraceId, CallName(activity)).TrySetResult();
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>"ICaseGrain.Whistle" for Orleans' grain-call span of ICaseGrain.Whistle, whatever prefix its name has.</summary>
    private static string CallName(Activity activity)
    {
        var parts = activity.DisplayName.Replace('/', '.').Split('.');
        return parts.Length >= 2 ? $"{parts[^2]}.{parts[^1]}" : activity.DisplayName;
    }

    private TaskCompletionSource Signal(ActivityTraceId trace, string name)
        => _waiting.GetOrAdd((trace, name), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private static (ActivityTraceId Trace, string Header) NewTrace()
    {
        var trace = ActivityTraceId.CreateRandom();
        return (trace, $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
    }

    private static async Task<HttpResponseMessage> PostTracedAsync(HttpClient client, string path, string traceparent, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("traceparent", traceparent);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Whistle_TraceReachesDepartmentGrain_AndAcknowledgementTraceToo()
    {
        await using var host = await SiloHost.StartSqliteAsync();
        using var commissioner = await host.ClientAsync("commissioner", "tc-a-t1");
        using var created = await commissioner.PostJsonAsync("/api/v1/cases",
            new { gridId = "tc-a-t1-g1", category = "neighbourDispute", summary = "追踪测试", source = "window" });
        var caseId = (await created.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetString()!;

        var (whistleTrace, whistleHeader) = NewTrace();
        var delivered = Signal(whistleTrace, CaseGrain.ReadModelWriteActivity).Task;
        using var whistle = await PostTracedAsync(commissioner, $"/api/v1/cases/{caseId}/whistle", whistleHeader,
            new { departmentIds = new[] { "tc-a-t1-pol" } });
        var summonsId = (await whistle.ReadAsync<JsonElement>())[0].GetProperty("id").GetString()!;
        await delivered.WaitAsync(TimeSpan.FromSeconds(20));

        using var department = await host.ClientAsync("department", "tc-a-t1-pol");
        var (ackTrace, ackHeader) = NewTrace();
        var ackDelivered = Signal(ackTrace, CaseGrain.ReadModelWriteActivity).Task;
        using var ack = await PostTracedAsync(department, $"/api/v1/summonses/{summonsId}/ack", ackHeader, new { });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await ackDelivered.WaitAsync(TimeSpan.FromSeconds(20));

        var whistleSpans = _stopped.Where(a => a.TraceId == whistleTrace).Select(CallName).ToList();
        Assert.Contains("ICaseGrain.Whistle", whistleSpans);
        Assert.Contains(CaseGrain.ReadModelWriteActivity, whistleSpans);
        var ackSpans = _stopped.Where(a => a.TraceId == ackTrace).Select(CallName).ToList();
        Assert.Contains("ICaseGrain.ActOnSummons", ackSpans);
        Assert.Contains(CaseGrain.ReadModelWriteActivity, ackSpans);
    }

    public void Dispose() => _listener.Dispose();
}
