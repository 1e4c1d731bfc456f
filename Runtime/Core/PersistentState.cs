using System.Text.Json;
using Dispatch.Runtime.Storage;

namespace Dispatch.Runtime.Core;

/// <summary>The runtime's <see cref="IPersistentState{TState}"/>: JSON in the grain state table under the state name.</summary>
internal sealed class PersistentState<TState>(GrainId grain, string stateName, IGrainStorage storage, JsonSerializerOptions json)
    : IPersistentState<TState>, IPersistentStateLoader where TState : class, new()
{
    public TState State { get; set; } = new();
    public string? ETag { get; private set; }
    public bool RecordExists => ETag is not null;

    public async Task ReadStateAsync()
    {
        var row = await storage.ReadAsync(stateName, grain.Key);
        if (row is null)
        {
            State = new TState();
            ETag = null;
            return;
        }
        try
        {
            State = JsonSerializer.Deserialize<TState>(row.Payload, json) ?? new TState();
        }
        catch (JsonException error)
        {
            throw new CorruptStateException(grain, stateName, error);
        }
        ETag = row.ETag;
    }

    public async Task WriteStateAsync()
    {
        var payload = JsonSerializer.Serialize(State, json);
        ETag = await storage.WriteAsync(stateName, grain.Key, payload, ETag);
    }

    public async Task ClearStateAsync()
    {
        await storage.ClearAsync(stateName, grain.Key, ETag);
        ETag = null;
        State = new TState();
    }
}

/// <summary>Lets the activation read every state before OnActivateAsync without knowing its type.</summary>
internal interface IPersistentStateLoader
{
    Task ReadStateAsync();
}
