using Dispatch.Grains.Interfaces.Cases;

namespace Dispatch.Silo.Cases;

/// <summary>
/// The grain key of a report's Idempotency-Key: the reporting principal (role, scope, name) and the key, so that two
/// principals using the same key never meet. The name is length-prefixed, so no name or key can forge another's.
/// </summary>
public static class ReportKeys
{
    public static string Of(Actor actor, string idempotencyKey) =>
        $"{actor.Role}:{actor.Scope}:{actor.Name.Length}:{actor.Name}:{idempotencyKey}";
}
