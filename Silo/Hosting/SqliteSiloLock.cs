using Dispatch.Silo.Storage;

namespace Dispatch.Silo.Hosting;

/// <summary>
/// SQLite keeps one silo per database file: the first silo holds an exclusive lock on a file beside the database
/// (<c>dispatch.db.lock</c>) for as long as it runs, and a second silo on the same file refuses to start with one line.
/// The operating system releases the lock when the process ends, however it ends (kill -9 included).
/// </summary>
public sealed class SqliteSiloLock(StoreOptions store) : IHostedLifecycleService, IDisposable
{
    private FileStream? _lock;

    /// <summary>The lock file for <paramref name="databaseFile"/>: its path with ".lock" appended.</summary>
    public static string LockFileOf(string databaseFile) => databaseFile + ".lock";

    /// <summary>Takes the lock before any hosted service starts (Orleans' silo included).</summary>
    /// <exception cref="SiloStartupException">Another silo holds the lock.</exception>
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var database = store.SqliteFilePath ?? throw new InvalidOperationException("The SQLite lock is only for SQLite stores.");
        var path = LockFileOf(database);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix, a sharing lock on Windows.
            _lock = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new SiloStartupException(
                $"Another silo is already running on the SQLite file {database} (it holds {path}): SQLite keeps one silo; use Storage:Provider=postgres for several.", e);
        }
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Releases the lock once every hosted service has stopped.</summary>
    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
