using Microsoft.Playwright;

namespace Dispatch.Dashboard.Tests.Infrastructure;

/// <summary>One silo and one Chromium shared by the tests of <see cref="DashboardCollection"/>; each test opens its own contexts.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public DashboardHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await DashboardHost.StartAsync();
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Host is not null)
            await Host.DisposeAsync();
    }

    /// <summary>A fresh browser context on the silo as a phone: 390 px wide (or <paramref name="width"/>), touch, 2x pixels.</summary>
    public async Task<IBrowserContext> NewPhoneContextAsync(int width = 390)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    /// <summary>A fresh browser context (its own cookies) on the silo, in <paramref name="language"/> when given.</summary>
    public async Task<IBrowserContext> NewContextAsync(string? language = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(15_000);
        if (language is not null)
        {
            await context.AddCookiesAsync([new Cookie
            {
                Name = ".AspNetCore.Culture",
                Value = Uri.EscapeDataString($"c={language}|uic={language}"),
                Url = Host.Address.ToString(),
            }]);
        }
        return context;
    }
}
