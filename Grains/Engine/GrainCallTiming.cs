using System.Diagnostics;
using Orleans;

namespace Dispatch.Grains.Engine;

/// <summary>Measures every call into an engine grain (<see cref="EngineTelemetry.GrainCallDuration"/>).</summary>
public sealed class GrainCallTiming : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.TargetContext?.GrainInstance is not EngineGrain)
        {
            await context.Invoke();
            return;
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            await context.Invoke();
        }
        finally
        {
            EngineTelemetry.GrainCallDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
