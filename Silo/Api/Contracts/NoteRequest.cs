using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>An optional note, for calls whose body may be empty (close, ack, arrive).</summary>
public sealed record NoteRequest([property: Text] string? Note) : IOptionalRequestBody;
