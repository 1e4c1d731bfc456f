using Dispatch.Grains.Interfaces.Model;

namespace Dispatch.Grains.Domain.City;

/// <summary>One of a county's four chiefs (四长) on the duty rota.</summary>
/// <param name="Role">The chief's role.</param>
/// <param name="Name">The chief's name, e.g. 王建军.</param>
public sealed record DutyChief(DutyRole Role, string Name);
