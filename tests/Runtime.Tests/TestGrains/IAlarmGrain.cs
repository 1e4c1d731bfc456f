using NodaTime;

namespace Dispatch.Runtime.Tests.TestGrains;

public interface IAlarmGrain : IGrainWithStringKey
{
    Task Set(string name, Instant dueAt, Duration? period);
    Task Cancel(string name);
    Task<IReadOnlyList<AlarmFiring>> Firings();
    Task<int> StoredReminderCount();
    Task StartTimer(TimeSpan dueTime);
    Task<int> TimerTicks();
}
