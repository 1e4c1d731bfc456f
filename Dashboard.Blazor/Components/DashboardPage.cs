using System.Security.Claims;
using Dispatch.Dashboard.Live;
using Dispatch.Dashboard.Localization;
using Dispatch.Dashboard.Services;
using Dispatch.Grains.Domain.City;
using Dispatch.Grains.Interfaces.Cases;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Dispatch.Dashboard.Components;

/// <summary>
/// The base of the dashboard's working pages, which are interactive on the server (prerendered, then a circuit). A page
/// loads what the signed-in principal may see through <see cref="IDashboardBackend"/> whenever its parameters change;
/// once interactive it watches the scopes it shows (<see cref="LiveScopes"/>) on the <see cref="LiveFeed"/> and loads
/// again, on its circuit (InvokeAsync), when a live batch concerns them — no page re-fetching. Its forms are bound to
/// <see cref="Form"/> and stay disabled (<see cref="Interactive"/>) until the circuit is up; actions run through
/// <see cref="RunAsync{T}"/>.
/// </summary>
public abstract class DashboardPage : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private string _watched = "";
    private Task? _load;
    private bool _again;
    private bool _disposed;

    /// <summary>
    /// Live reloads at most every <see cref="LiveReloadInterval"/> (the first change after a quiet spell at once), on the
    /// wall clock: the pace of the screen, not of the engine's deadlines.
    /// </summary>
    private ReloadPacer? _pacer;

    /// <summary>The working pages' least time between two live reloads.</summary>
    public static readonly TimeSpan DefaultLiveReloadInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The least time between two live reloads of this page (a page of heavier reads waits longer).</summary>
    protected virtual TimeSpan LiveReloadInterval => DefaultLiveReloadInterval;

    [Inject]
    protected IDashboardBackend Backend { get; set; } = null!;

    [Inject]
    protected IClock Clock { get; set; } = null!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private LiveFeed Feed { get; set; } = null!;

    /// <summary>The texts (pages also have them as <c>L</c> from _Imports.razor).</summary>
    [Inject]
    protected IStringLocalizer<Strings> Localizer { get; set; } = null!;

    [Inject]
    private CityModel Places { get; set; } = null!;

    /// <summary>Failures in the UI's language (<see cref="FaultText"/>).</summary>
    protected FaultText Failures => new(Localizer, Places);

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>What the last action did (a key of <c>Done_*</c> in the resources), from <c>?done=</c> after a navigation.</summary>
    [SupplyParameterFromQuery(Name = "done")]
    protected string? DoneKey { get; set; }

    /// <summary>The signed-in principal.</summary>
    protected ClaimsPrincipal User { get; private set; } = new();

    /// <summary>Its role, scope and name; null when it is not a Dispatch principal.</summary>
    protected Actor? Actor { get; private set; }

    /// <summary>The silo's clock when the page last loaded.</summary>
    protected Instant Now { get; private set; }

    /// <summary>An error to show (a failed action, a page that cannot be shown).</summary>
    protected string? Error { get; set; }

    /// <summary>The cases and summonses received live, to lay over lists that may lag behind them.</summary>
    protected LiveOverlay Live { get; } = new();

    /// <summary>The page's form fields by element id.</summary>
    protected FormValues Form { get; } = new();

    /// <summary>Is the page running on a circuit (its buttons work)? Forms are disabled until then.</summary>
    protected bool Interactive => RendererInfo.IsInteractive;

    /// <summary>"on" once the page watches its scopes live, else "off" (the page root's data-live; the top bar shows it).</summary>
    protected string LiveState => _subscription is null ? "off" : "on";

    /// <summary>
    /// Does a batch of the watched scopes change what the page shows? Every one does, unless a page that watches a wider
    /// scope than it shows says otherwise.
    /// </summary>
    protected virtual bool Concerns(LiveBatch batch) => true;

    /// <summary>The centers, departments or cases whose live events make the page load again; none: not live.</summary>
    protected virtual IReadOnlyCollection<string> LiveScopes => [];

    /// <summary>The confirmation of the last action, localized.</summary>
    protected string? Done { get; private set; }

    protected override async Task OnParametersSetAsync()
    {
        Done = DoneKey is { Length: > 0 and < 40 } key && Localizer[$"Done_{key}"] is { ResourceNotFound: false } text ? text.Value : null;
        if (AuthenticationState is not null)
            User = (await AuthenticationState).User;
        Actor = Backend.ActorOf(User);
        await ReloadAsync();
    }

    /// <summary>Loads the page's data (on every change of parameters, after actions, on live events).</summary>
    protected abstract Task LoadAsync();

    /// <summary>
    /// Loads again and watches the scopes the page shows. One load at a time: asked for while one runs, it runs once more
    /// after it (so it sees every change), and callers meanwhile share that. Runs on the page's dispatcher.
    /// </summary>
    protected async Task ReloadAsync()
    {
        if (_load is { IsCompleted: false } running)
        {
            _again = true;
            await running;
            return;
        }
        _load = LoadUntilCurrentAsync();
        await _load;
    }

    private async Task LoadUntilCurrentAsync()
    {
        do
        {
            _again = false;
            Now = Clock.GetCurrentInstant();
            await LoadAsync();
            Watch();
        }
        while (_again && !_disposed);
    }

    private void Watch()
    {
        if (!Interactive || _disposed)
            return;
        var scopes = LiveScopes.Where(s => !string.IsNullOrEmpty(s)).Distinct().Order(StringComparer.Ordinal).ToList();
        var key = string.Join(' ', scopes);
        if (key == _watched && (_subscription is not null || scopes.Count == 0))
            return;
        _subscription?.Dispose();
        _subscription = scopes.Count == 0 ? null : Feed.Watch(scopes, batch => InvokeAsync(async () =>
        {
            if (_disposed || !Concerns(batch))
                return;
            Live.Add(batch);
            _pacer ??= new ReloadPacer(TimeProvider.System, LiveReloadInterval);
            await _pacer.RequestAsync(async () =>
            {
                if (_disposed)
                    return;
                await ReloadAsync();
                StateHasChanged();
            });
        }));
        _watched = key;
    }

    /// <summary>
    /// Runs an action. On success shows <c>Done_<paramref name="done"/></c>, forgets the fields whose ids start with
    /// <paramref name="form"/> and loads again — or goes to <paramref name="next"/> when given; on failure keeps what was
    /// typed and shows why.
    /// </summary>
    protected async Task RunAsync<T>(Func<Task<DashboardResult<T>>> action, string done, string? form = null, Func<T, string>? next = null,
        IReadOnlyDictionary<string, string>? labels = null)
    {
        Error = null;
        Done = null;
        var result = await action();
        if (!result.Succeeded)
        {
            Error = Localizer["Error_Action", Failures.Explain(result, labels)];
            return;
        }
        if (form is not null)
            Form.Clear(form);
        if (next is not null)
        {
            Navigation.NavigateTo($"{next(result.Value!)}?done={Uri.EscapeDataString(done)}", forceLoad: true);
            return;
        }
        Done = Localizer[$"Done_{done}"];
        await ReloadAsync();
    }

    /// <summary>Runs what a department did with a summons (<see cref="SummonsActions"/>); its note is named as its form names it.</summary>
    protected Task ActOnSummonsAsync(SummonsAct act) =>
        RunAsync(() => Backend.ActOnSummonsAsync(User, act.SummonsId, act.Kind, act.Note, act.Done), act.DoneKey,
            labels: NoteLabels.GetValueOrDefault(act.Kind));

    /// <summary>The label of a summons action's note in its form: a feedback's 处置情况, a decline's 退回原因.</summary>
    private static readonly Dictionary<SummonsActionKind, IReadOnlyDictionary<string, string>> NoteLabels = new()
    {
        [SummonsActionKind.Feedback] = new Dictionary<string, string> { ["note"] = "Feedback_Hint" },
        [SummonsActionKind.Decline] = new Dictionary<string, string> { ["reason"] = "Field_declineReason", ["note"] = "Field_declineReason" },
    };

    /// <summary>Why a result failed, for people, in the UI's language (<see cref="FaultText.Explain{T}"/>).</summary>
    protected string Explain<T>(DashboardResult<T> result) => Failures.Explain(result);

    public void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
        _subscription = null;
        GC.SuppressFinalize(this);
    }
}
