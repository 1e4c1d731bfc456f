using System.Globalization;
using Bunit;
using Dispatch.Dashboard.Tests.Infrastructure;
using Dispatch.Grains.Domain.City;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Dashboard.Tests.Components;

/// <summary>A bUnit context with the dashboard's resources and the test city, in one UI language.</summary>
public sealed class ComponentContext : BunitContext
{
    public static readonly CityModel City = CityLoader.Load(DashboardHost.CityFile);

    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;

    public ComponentContext(string culture = "zh-CN")
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        Services.AddLocalization();
        Services.AddSingleton(City);
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentUICulture = _ui;
        CultureInfo.CurrentCulture = _culture;
        base.Dispose(disposing);
    }
}
