namespace Dispatch.Silo.Api.Binding;

/// <summary>
/// A JSON request body that checks its own fields after it is read: by default the <see cref="FieldRuleAttribute"/>s
/// on its properties (required fields, lengths, ranges), which the OpenAPI document describes too.
/// </summary>
public interface IRequestBody
{
    void Validate(RequestErrors errors) => errors.CheckFields(this);
}
