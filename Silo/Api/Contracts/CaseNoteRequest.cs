using Dispatch.Silo.Api.Binding;

namespace Dispatch.Silo.Api.Contracts;

/// <summary>POST /api/v1/cases/{id}/notes: the text of a note (a timeline entry "note").</summary>
public sealed record CaseNoteRequest([property: Text(Required = true)] string? Text) : IRequestBody;
