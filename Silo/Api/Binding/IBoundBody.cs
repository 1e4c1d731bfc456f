using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Silo.Api.Binding;

/// <summary>A body parameter that may have failed to bind; <see cref="BodyProblemFilter"/> answers with its problem.</summary>
public interface IBoundBody
{
    ProblemDetails? Problem { get; }
}
