namespace Dispatch.Runtime.Hosting;

/// <summary>Runtime settings (configuration section "Silo").</summary>
public sealed class SiloOptions
{
    /// <summary>How long a caller waits for a grain's answer (default 30 s).</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation idle this long (by the silo clock) is deactivated (default 15 min).</summary>
    public TimeSpan IdleDeactivationAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for (default 1 min, real time). Zero: never automatically.</summary>
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest the reminder loop sleeps before re-reading the clock (default 1 s, real time).</summary>
    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Pass every call's arguments and result through JSON, as a cluster would between silos (default off; tests
    /// turn it on to prove every message is serializable).
    /// </summary>
    public bool SerializeMessages { get; set; }

    /// <summary>Run the reminder loop in the background (tests with a manual clock may drive reminders by hand).</summary>
    public bool RunReminderLoop { get; set; } = true;
}
