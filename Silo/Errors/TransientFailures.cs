using System.Data.Common;
using Dispatch.Silo.Application;
using Dispatch.Silo.Storage;
using Orleans.Runtime;
using Orleans.Storage;

namespace Dispatch.Silo.Errors;

/// <summary>
/// Failures that say "not now" rather than "wrong": a grain call that timed out or could not be delivered, a silo
/// going away, a store that did not answer, a reminder that could not be stored ("try again later"). They become 503 with
/// Retry-After, never 500.
/// </summary>
public static class TransientFailures
{
    public static bool Is(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or OrleansMessageRejectionException or SiloUnavailableException or StorageUnavailableException
                or OperationUnavailableException or InconsistentStateException or DbException or ReminderException)
                return true;
            if (e is AggregateException { InnerExceptions.Count: 1 } aggregate && Is(aggregate.InnerExceptions[0]))
                return true;
        }
        return false;
    }
}
