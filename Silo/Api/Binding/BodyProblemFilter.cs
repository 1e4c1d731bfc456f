namespace Dispatch.Silo.Api.Binding;

/// <summary>Answers with the problem of a body that failed to bind, so handlers only ever see good bodies.</summary>
public sealed class BodyProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            if (argument is IBoundBody { Problem: { } problem })
                return TypedResults.Problem(problem);
        }
        return await next(context);
    }
}
