using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Grains.Interfaces.Events;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Silo.Live;

/// <summary>
/// What the live hub calls on its clients (camelCase on the wire, API.md Live): the same payloads as the SSE stream's
/// <c>case</c>, <c>summons</c> and <c>escalation</c> events. The token bounds how long one send may wait for a slow
/// client; it is not sent.
/// </summary>
public interface IDispatchClient
{
    [HubMethodName("caseChanged")]
    Task CaseChanged(CaseSummary summary, CancellationToken cancellationToken);

    [HubMethodName("summonsChanged")]
    Task SummonsChanged(SummonsView summons, CancellationToken cancellationToken);

    [HubMethodName("escalated")]
    Task Escalated(EscalationView escalation, CancellationToken cancellationToken);
}
