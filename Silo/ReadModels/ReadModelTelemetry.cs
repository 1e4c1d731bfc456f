using System.Diagnostics.Metrics;
using Dispatch.Grains.Engine;

namespace Dispatch.Silo.ReadModels;

/// <summary>The projector's figures, on the engine's meter.</summary>
internal static class ReadModelTelemetry
{
    public static readonly Histogram<int> Batches = EngineTelemetry.Meter.CreateHistogram<int>("dispatch.readmodels.batches",
        description: "Case batches written in one read-model transaction (group commit)");
}
