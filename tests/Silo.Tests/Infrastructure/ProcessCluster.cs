namespace Dispatch.Silo.Tests.Infrastructure;

/// <summary>Several silo processes (<see cref="SiloProcess"/>) on one PostgreSQL database, started together; disposing kills what is left.</summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private ProcessCluster(SiloProcess[] silos) => Silos = silos;

    /// <summary>"silo 1", "silo 2"… in order.</summary>
    public SiloProcess[] Silos { get; }

    /// <summary>
    /// Starts <paramref name="count"/> silos on <paramref name="connectionString"/> with <paramref name="settings"/>
    /// ("--Key=value") and returns once each sees all of them active.
    /// </summary>
    public static async Task<ProcessCluster> StartAsync(string connectionString, int count, params string[] settings)
    {
        var directory = Directory.CreateTempSubdirectory("dispatch-cluster-").FullName;
        var starts = Enumerable.Range(1, count).Select(i => SiloProcess.StartClusteredAsync(connectionString, directory, $"silo {i}", settings)).ToArray();
        try
        {
            await Task.WhenAll(starts);
        }
        catch
        {
            foreach (var started in starts.Where(s => s.IsCompletedSuccessfully))
                await started.Result.DisposeAsync();
            throw;
        }
        var cluster = new ProcessCluster(starts.Select(s => s.Result).ToArray());
        try
        {
            await ProcessApi.WaitForActiveSilosAsync(cluster.Silos, count, TimeSpan.FromSeconds(90));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos)
            await silo.DisposeAsync();
    }
}
