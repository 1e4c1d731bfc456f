namespace Dispatch.Silo.Api.Binding;

/// <summary>A JSON request body that checks its own fields after it is read (required fields, lengths, ranges).</summary>
public interface IRequestBody
{
    void Validate(RequestErrors errors);
}
