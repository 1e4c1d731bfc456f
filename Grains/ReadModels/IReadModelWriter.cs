namespace Dispatch.Grains.ReadModels;

/// <summary>
/// Writes case rows, summons rows and statistics facts to the read-model tables. Completes only once the rows are
/// committed (so a case's outbox entry is confirmed only after its batch is stored); throws when they are not, and
/// the case re-sends. Implementations batch the changes of many cases into one transaction (group commit).
/// </summary>
public interface IReadModelWriter
{
    Task WriteAsync(ReadModelBatch batch, CancellationToken cancellationToken = default);
}
