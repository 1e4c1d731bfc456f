using System.Security.Claims;
using Dispatch.Dashboard.Localization;
using Dispatch.Dashboard.Services;
using Dispatch.Grains.Interfaces.Cases;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Dispatch.Dashboard.Components;

/// <summary>
/// The base of the dashboard's pages. Pages render on the server for each request (no circuit): they load what the
/// signed-in principal may see through <see cref="IDashboardBackend"/>, handle their forms (post, then redirect with a
/// <c>done</c> note), and mark live regions that the page script (dashboard.js) refreshes when the live hub reports a
/// change to a watched scope. Countdowns are rendered with the silo's clock and ticked by the script.
/// </summary>
public abstract class DashboardPage : ComponentBase
{
    [Inject]
    protected IDashboardBackend Backend { get; set; } = null!;

    [Inject]
    protected IClock Clock { get; set; } = null!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = null!;

    /// <summary>The texts (pages also have them as <c>L</c> from _Imports.razor).</summary>
    [Inject]
    protected IStringLocalizer<Strings> Localizer { get; set; } = null!;

    [CascadingParameter]
    protected HttpContext HttpContext { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>What the last form post did (a key of <c>Done_*</c> in the resources), from <c>?done=</c>.</summary>
    [SupplyParameterFromQuery(Name = "done")]
    protected string? DoneKey { get; set; }

    /// <summary>The signed-in principal.</summary>
    protected ClaimsPrincipal User { get; private set; } = new();

    /// <summary>Its role, scope and name; null when it is not a Dispatch principal.</summary>
    protected Actor? Actor { get; private set; }

    /// <summary>The silo's clock at render time.</summary>
    protected Instant Now { get; private set; }

    /// <summary>An error to show (a failed action, a page that cannot be shown).</summary>
    protected string? Error { get; set; }

    /// <summary>The confirmation of the last action, localized.</summary>
    protected string? Done => DoneKey is { Length: > 0 and < 40 } key && Localizer[$"Done_{key}"] is { ResourceNotFound: false } text ? text.Value : null;

    protected override async Task OnInitializedAsync()
    {
        Now = Clock.GetCurrentInstant();
        if (AuthenticationState is not null)
            User = (await AuthenticationState).User;
        Actor = Backend.ActorOf(User);
        await LoadAsync();
    }

    /// <summary>Loads the page's data (every request, before forms are handled).</summary>
    protected abstract Task LoadAsync();

    /// <summary>A field of the posted form, trimmed; null when absent or blank.</summary>
    protected string? Field(string name)
    {
        if (!HttpMethods.IsPost(HttpContext.Request.Method) || !HttpContext.Request.HasFormContentType)
            return null;
        var value = HttpContext.Request.Form[name].ToString().Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>A posted enum field by name (not by number); null when absent or not a defined value.</summary>
    protected TEnum? EnumField<TEnum>(string name) where TEnum : struct, Enum =>
        Field(name) is { } text && !char.IsAsciiDigit(text[0]) && Enum.TryParse<TEnum>(text, out var value) && Enum.IsDefined(value)
            ? value
            : null;

    /// <summary>Every value of a posted field (checkboxes), non-blank.</summary>
    protected IReadOnlyList<string> Fields(string name) =>
        HttpMethods.IsPost(HttpContext.Request.Method) && HttpContext.Request.HasFormContentType
            ? HttpContext.Request.Form[name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList()
            : [];

    /// <summary>
    /// Runs a form's action: on success redirects to <paramref name="next"/> (this page by default) with
    /// <c>?done=<paramref name="done"/></c>; on failure keeps the page and shows why.
    /// </summary>
    protected async Task RunAsync<T>(Func<Task<DashboardResult<T>>> action, string done, Func<T, string>? next = null)
    {
        var result = await action();
        if (!result.Succeeded)
        {
            Error = Localizer["Error_Action", Explain(result)];
            return;
        }
        var target = next?.Invoke(result.Value!) ?? Navigation.ToBaseRelativePath(Navigation.Uri);
        Navigation.NavigateTo(WithDone(target, done));
    }

    /// <summary>Handles a <see cref="SummonsActions"/> form: acknowledge, arrive, feed back or decline.</summary>
    protected async Task ActOnSummonsAsync()
    {
        var summonsId = Field("summons");
        (SummonsActionKind Kind, string? Note, bool Done, string Key)? act = Field("action") switch
        {
            "ack" => (SummonsActionKind.Acknowledge, null, false, "Acknowledged"),
            "arrive" => (SummonsActionKind.Arrive, null, false, "Arrived"),
            "feedback" => (SummonsActionKind.Feedback, Field("feedback"), Field("done") == "true", "FedBack"),
            "decline" => (SummonsActionKind.Decline, Field("reason"), false, "Declined"),
            _ => null,
        };
        if (summonsId is null || act is not { } a)
        {
            Error = Localizer["Error_Action", Localizer["Outcome_Invalid"]];
            return;
        }
        await RunAsync(() => Backend.ActOnSummonsAsync(User, summonsId, a.Kind, a.Note, a.Done), a.Key);
    }

    /// <summary>Why a result failed, for people.</summary>
    protected string Explain<T>(DashboardResult<T> result) => result.Outcome switch
    {
        Outcome.Forbidden => $"{Localizer["Outcome_Forbidden"]} {result.Message}",
        Outcome.NotFound => $"{Localizer["Outcome_NotFound"]} {result.Message}",
        Outcome.Conflict => $"{Localizer["Outcome_Conflict"]} {result.Message}",
        _ => $"{Localizer["Outcome_Invalid"]} {result.Message}",
    };

    private static string WithDone(string target, string done)
    {
        var path = target.Split('?', 2);
        var query = path.Length > 1
            ? string.Join('&', path[1].Split('&').Where(p => !p.StartsWith("done=", StringComparison.Ordinal)))
            : "";
        return $"{path[0]}?{(query.Length > 0 ? query + "&" : "")}done={Uri.EscapeDataString(done)}";
    }
}
