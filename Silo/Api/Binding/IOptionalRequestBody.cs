namespace Dispatch.Silo.Api.Binding;

/// <summary>A request body whose fields are all optional: an empty body reads as <c>{}</c>.</summary>
public interface IOptionalRequestBody : IRequestBody;
