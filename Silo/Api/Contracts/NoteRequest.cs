using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>An optional note, for calls whose body may be empty (close, ack, arrive).</summary>
public sealed record NoteRequest(string? Note) : IOptionalRequestBody
{
    public void Validate(RequestErrors errors) => errors.OptionalText("note", Note);
}
