using Dispatch.Grains.Domain.Deadlines;
using Dispatch.Grains.Domain.Notifications;
using Dispatch.Grains.Domain.Routing;

namespace Dispatch.Grains.Domain.City;

/// <summary>The parsed, not yet validated content of a city file; list order is file order.</summary>
internal sealed record CityContent(
    IReadOnlyList<string> ExtraDepartmentKinds,
    IReadOnlyList<CenterDef> Centers,
    IReadOnlyList<GridDef> Grids,
    IReadOnlyList<DepartmentDef> Departments,
    IReadOnlyList<RotaDef> Rotas,
    RoutingRules Routing,
    DeadlinePolicyOptions DeadlinePolicy,
    NotificationPolicy? Notifications = null);
