using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans;
using Dispatch.Grains.Interfaces.Serialization;
using NodaTime;

namespace Dispatch.LoadTests.Api;

/// <summary>
/// The calls the simulator makes to the HTTP API v1 (API.md), spread round robin over one or more silos. Never throws
/// for HTTP or network failures: every call returns an <see cref="ApiResult{T}"/> (status 0 when no answer came).
/// Cancellation still throws. A silo that refuses the connection is left out for a moment and the request goes to the
/// next one (nothing was sent, so this is safe), as a front door such as nginx does.
/// </summary>
public sealed class DispatchApiClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = DispatchJson.Default;
    private readonly HttpClient _http;

    private readonly SiloRotation _silos;

    /// <param name="baseUrl">The silo, e.g. http://127.0.0.1:5000/.</param>
    /// <param name="connections">Connections kept to the silo at most.</param>
    /// <param name="timeout">How long one request may take.</param>
    public DispatchApiClient(Uri baseUrl, int connections, TimeSpan timeout)
        : this([baseUrl], connections, timeout)
    {
    }

    /// <param name="baseUrls">The silos, e.g. http://127.0.0.1:5001/ and http://127.0.0.1:5002/; the first also serves the live stream.</param>
    /// <param name="connections">Connections kept to each silo at most.</param>
    /// <param name="timeout">How long one request may take.</param>
    public DispatchApiClient(IReadOnlyList<Uri> baseUrls, int connections, TimeSpan timeout)
    {
        _silos = new SiloRotation(baseUrls);
        BaseUrl = baseUrls[0];
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            UseProxy = false,
        })
        {
            Timeout = timeout,
        };
    }

    /// <summary>The first silo: the one the live stream is read from.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The silos requests are spread over.</summary>
    public IReadOnlyList<Uri> BaseUrls => _silos.All;

    /// <summary>GET /health of every silo: true when each answers 200.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        foreach (var silo in _silos.All)
        {
            var r = await SendToAsync<JsonElement>(silo, HttpMethod.Get, "health", null, null, cancellationToken);
            if (r.Status != 200) return false;
        }
        return true;
    }

    /// <summary>POST /api/v1/auth/dev-token.</summary>
    public async Task<ApiResult<string>> DevTokenAsync(string role, string? scope, CancellationToken cancellationToken)
    {
        var r = await SendAsync<TokenDto>(HttpMethod.Post, "api/v1/auth/dev-token", null, new { role, scope }, cancellationToken);
        return new ApiResult<string>(r.Status, r.Value?.Token, r.Error);
    }

    /// <summary>GET /api/v1/org/centers/{id}: 200 when the silo serves that center.</summary>
    public async Task<int> CenterStatusAsync(string token, string centerId, CancellationToken cancellationToken) =>
        (await SendAsync<JsonElement>(HttpMethod.Get, $"api/v1/org/centers/{Uri.EscapeDataString(centerId)}", token, null, cancellationToken)).Status;

    /// <summary>POST /api/v1/cases as the township's commissioner.</summary>
    public Task<ApiResult<CaseDto>> ReportCaseAsync(string token, string gridId, string category, string risk, string summary, CancellationToken cancellationToken) =>
        SendAsync<CaseDto>(HttpMethod.Post, "api/v1/cases", token,
            new { gridId, category, summary, source = "grid", risk }, cancellationToken);

    /// <summary>
    /// POST /api/v1/cases/{id}/whistle with routing choosing the departments, with an Idempotency-Key of its own, so
    /// that a retry whose first try did reach the engine gets the same summonses back.
    /// </summary>
    public Task<ApiResult<List<SummonsDto>>> WhistleAsync(string token, string caseId, TimeSpan? ackWithin, TimeSpan? arriveWithin, CancellationToken cancellationToken) =>
        SendAsync<List<SummonsDto>>(HttpMethod.Post, $"api/v1/cases/{Uri.EscapeDataString(caseId)}/whistle", token,
            new
            {
                ackWithin = ackWithin is { } a ? DurationJsonConverter.Format(Duration.FromTimeSpan(a)) : null,
                arriveWithin = arriveWithin is { } v ? DurationJsonConverter.Format(Duration.FromTimeSpan(v)) : null,
                note = "surge",
            }, cancellationToken, idempotencyKey: $"{caseId}/whistle");

    /// <summary>POST /api/v1/summonses/{id}/ack or /arrive.</summary>
    public Task<ApiResult<SummonsDto>> ActOnSummonsAsync(string token, string summonsId, string action, CancellationToken cancellationToken) =>
        SendAsync<SummonsDto>(HttpMethod.Post, $"api/v1/summonses/{Uri.EscapeDataString(summonsId)}/{action}", token, new { }, cancellationToken);

    /// <summary>
    /// GET /api/v1/metrics?collect=true as an admin: the silo runs a full garbage collection first, so the managed heap
    /// counts only live objects. Null when the silo does not answer 200.
    /// </summary>
    public async Task<HeapDto?> CollectedHeapAsync(string adminToken, CancellationToken cancellationToken)
    {
        var r = await SendAsync<HeapDto>(HttpMethod.Get, "api/v1/metrics?collect=true", adminToken, null, cancellationToken);
        return r.Status == 200 ? r.Value : null;
    }

    /// <summary>GET /api/v1/cases/{id}.</summary>
    public Task<ApiResult<CaseDto>> GetCaseAsync(string token, string caseId, CancellationToken cancellationToken) =>
        SendAsync<CaseDto>(HttpMethod.Get, $"api/v1/cases/{Uri.EscapeDataString(caseId)}", token, null, cancellationToken);

    /// <summary>Opens GET /api/v1/stream?scope= and returns the response once its headers arrived (the caller reads and disposes it).</summary>
    public async Task<HttpResponseMessage> OpenStreamAsync(HttpClient streaming, string token, string scope, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUrl, $"api/v1/stream?scope={Uri.EscapeDataString(scope)}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return await streaming.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>Sends to the next silo in turn; a refused connection moves on to the next one (each silo tried at most once).</summary>
    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, string? token, object? body, CancellationToken cancellationToken,
        string? idempotencyKey = null)
    {
        ApiResult<T> result = new(0, default, "no silo");
        for (var tried = 0; tried < _silos.All.Count; tried++)
        {
            var silo = _silos.Next();
            result = await SendToAsync<T>(silo, method, path, token, body, cancellationToken, idempotencyKey);
            if (!result.Refused) return result;
            _silos.LeaveOut(silo);
        }
        return result;
    }

    private async Task<ApiResult<T>> SendToAsync<T>(Uri silo, HttpMethod method, string path, string? token, object? body, CancellationToken cancellationToken,
        string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(silo, path));
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                return new ApiResult<T>(status, default, $"{status} {Shorten(text)}");
            }
            if (typeof(T) == typeof(JsonElement)) return new ApiResult<T>(status, default, null);
            var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
            return new ApiResult<T>(status, value, value is null ? "empty body" : null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            return new ApiResult<T>(0, default, $"{e.GetType().Name}: {Shorten(e.Message)}") { Refused = true };
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or JsonException)
        {
            // OperationCanceledException without our token cancelled is HttpClient's timeout.
            return new ApiResult<T>(e is JsonException ? 200 : 0, default, $"{e.GetType().Name}: {Shorten(e.Message)}");
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    public void Dispose() => _http.Dispose();
}

/// <summary>The part of GET /api/v1/metrics the memory measurement reads.</summary>
public sealed record HeapDto(long ManagedHeapBytes, int Activations, int OpenCases);
