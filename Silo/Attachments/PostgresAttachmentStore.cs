using Dispatch.Silo.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Dispatch.Silo.Attachments;

/// <summary>Attachments in PostgreSQL: table <c>case_attachment</c> (schema version 5), the content as <c>bytea</c>.</summary>
public sealed class PostgresAttachmentStore(StoreOptions store) : IAttachmentStore
{
    public async Task SaveAsync(string caseId, string sha256, byte[] content, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO case_attachment (case_id, sha256, content) VALUES (@case, @sha, @content) ON CONFLICT (case_id, sha256) DO NOTHING",
            connection);
        command.Parameters.AddWithValue("case", caseId);
        command.Parameters.AddWithValue("sha", sha256);
        command.Parameters.AddWithValue("content", NpgsqlDbType.Bytea, content);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<byte[]?> ReadAsync(string caseId, string sha256, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT content FROM case_attachment WHERE case_id = @case AND sha256 = @sha", connection);
        command.Parameters.AddWithValue("case", caseId);
        command.Parameters.AddWithValue("sha", sha256);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        (NpgsqlConnection)await OrleansSchema.OpenAsync(store, store.Description, cancellationToken);
}
