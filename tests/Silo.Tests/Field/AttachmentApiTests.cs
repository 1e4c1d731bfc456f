using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Dispatch.Grains.Interfaces.Cases;
using Dispatch.Silo.Attachments;
using Dispatch.Silo.Tests.Infrastructure;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dispatch.Silo.Tests.Field;

/// <summary>
/// Attachments over HTTP on each store: the type told from the bytes, a JPEG's location removed unless kept, the size
/// limit, the content stored beside the store and served only to those who may read the case; bad input changes nothing.
/// </summary>
public abstract class AttachmentApiTests(SiloHost host)
{
    private const string Grid = "tc-a-t1-g1";
    private const string Township = "tc-a-t1";

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8];

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string caseId, byte[] bytes, string query = "", string type = "image/jpeg")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return client.PostAsync($"/api/v1/cases/{caseId}/attachments{query}", content);
    }

    private async Task<(HttpClient Worker, CaseView Case)> ReportedByGridWorkerAsync(string name)
    {
        var worker = await GridWorkerApiTests.GridWorkerAsync(host, Grid, name);
        using var created = await GridWorkerApiTests.ReportAsync(worker, Grid, "井盖破损");
        return (worker, await created.ReadAsync<CaseView>(HttpStatusCode.Created));
    }

    [Fact]
    public async Task Upload_Jpeg_LocationRemoved_ServedToReaders_ListedInCaseAndTimeline_RetryIsTheSameAttachment()
    {
        var (worker, reported) = await ReportedByGridWorkerAsync("王五");
        using var _ = worker;
        var photo = TestJpeg.Create(withLocation: true);

        using var upload = await UploadAsync(worker, reported.Id, photo, "?fileName=IMG_0001.jpg");
        var attachment = await upload.ReadAsync<AttachmentView>(HttpStatusCode.Created);
        using var retry = await UploadAsync(worker, reported.Id, photo, "?fileName=IMG_0001.jpg");
        var again = await retry.ReadAsync<AttachmentView>(HttpStatusCode.OK);

        Assert.Equal((1, "image/jpeg", false, "IMG_0001.jpg"), (attachment.N, attachment.ContentType, attachment.LocationKept, attachment.FileName));
        Assert.Equal($"/api/v1/cases/{reported.Id}/attachments/1", upload.Headers.Location?.OriginalString);
        Assert.Equal(attachment, again);
        using var content = await worker.GetAsync($"/api/v1/cases/{reported.Id}/attachments/1");
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal("image/jpeg", content.Content.Headers.ContentType?.MediaType);
        var served = await content.Content.ReadAsByteArrayAsync();
        Assert.Equal(TestJpeg.Create(withLocation: false), served);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(served)), attachment.Sha256);

        using var commissioner = await host.ClientAsync("commissioner", Township);
        using var read = await commissioner.GetAsync($"/api/v1/cases/{reported.Id}");
        var view = await read.ReadAsync<CaseView>();
        Assert.Equal(attachment, Assert.Single(view.Attachments));
        var entry = Assert.Single(view.Timeline, e => e.Kind == "attached");
        Assert.Equal((1, "gridWorker"), (entry.Attachment, entry.ActorRole));
        using var list = await commissioner.GetAsync($"/api/v1/cases/{reported.Id}/attachments");
        Assert.Equal(attachment, Assert.Single(await list.ReadAsync<AttachmentView[]>()));
        using var byCommissioner = await commissioner.GetAsync($"/api/v1/cases/{reported.Id}/attachments/1");
        Assert.Equal(served, await byCommissioner.Content.ReadAsByteArrayAsync());

        // Stored beside the store: a file in the folder next to the SQLite database, or a row in PostgreSQL.
        var store = host.App.Services.GetRequiredService<IAttachmentStore>();
        var settings = host.App.Services.GetRequiredService<Dispatch.Silo.Hosting.SiloSettings>().Store;
        if (store is FileAttachmentStore files)
        {
            Assert.Equal(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.ConnectionString))!, "attachments"), files.Folder);
            Assert.Equal(served, await File.ReadAllBytesAsync(Path.Combine(files.Folder, reported.Id, attachment.Sha256)));
        }
        else
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand($"SELECT content FROM case_attachment WHERE case_id = '{reported.Id}'", connection);
            Assert.Equal(served, (byte[])(await count.ExecuteScalarAsync())!);
        }
    }

    [Fact]
    public async Task Upload_KeepLocation_Png_Pdf_AreStoredAsSent_TypedByContent()
    {
        var (worker, reported) = await ReportedByGridWorkerAsync("李四");
        using var _ = worker;
        var photo = TestJpeg.Create(withLocation: true);
        var pdf = "%PDF-1.4\n%%EOF\n"u8.ToArray();

        using var kept = await UploadAsync(worker, reported.Id, photo, "?keepLocation=true");
        using var png = await UploadAsync(worker, reported.Id, Png, type: "image/jpeg");
        using var document = await UploadAsync(worker, reported.Id, pdf, type: "application/octet-stream");

        Assert.True((await kept.ReadAsync<AttachmentView>(HttpStatusCode.Created)).LocationKept);
        Assert.Equal("image/png", (await png.ReadAsync<AttachmentView>(HttpStatusCode.Created)).ContentType);
        Assert.Equal(("application/pdf", 3), await document.ReadAsync<AttachmentView>(HttpStatusCode.Created) is var d ? (d.ContentType, d.N) : default);
        using var keptContent = await worker.GetAsync($"/api/v1/cases/{reported.Id}/attachments/1");
        Assert.Equal(photo, await keptContent.Content.ReadAsByteArrayAsync());
        using var pdfContent = await worker.GetAsync($"/api/v1/cases/{reported.Id}/attachments/3");
        Assert.Equal("application/pdf", pdfContent.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await pdfContent.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Upload_BadTypeTooLargeOrNotAllowed_IsProblemJson_AndChangesNothing()
    {
        var (worker, reported) = await ReportedByGridWorkerAsync("赵六");
        using var _ = worker;
        using var other = await GridWorkerApiTests.GridWorkerAsync(host, Grid, "钱七");
        using var department = await host.ClientAsync("department", "tc-a-t1-pol");
        using var outsider = await host.ClientAsync("commissioner", "tc-a-t2");

        using (var gif = await UploadAsync(worker, reported.Id, "GIF89a...."u8.ToArray(), type: "image/png"))
            await gif.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "body");
        using (var declared = await UploadAsync(worker, reported.Id, "GIF89a...."u8.ToArray(), type: "image/gif"))
            await declared.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        using (var empty = await UploadAsync(worker, reported.Id, []))
            await empty.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "body");
        using (var broken = await UploadAsync(worker, reported.Id, [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x40, 0x01]))
            await broken.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "body");
        using (var keep = await UploadAsync(worker, reported.Id, Png, "?keepLocation=maybe"))
            await keep.AssertProblemAsync(HttpStatusCode.BadRequest, "validation", "keepLocation");
        var tooLarge = new byte[10 * 1024 * 1024 + 1];
        Png.CopyTo(tooLarge, 0);
        using (var large = await UploadAsync(worker, reported.Id, tooLarge, type: "image/png"))
            await large.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        using (var notTheirs = await UploadAsync(other, reported.Id, Png))
            await notTheirs.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var notSummoned = await UploadAsync(department, reported.Id, Png))
            await notSummoned.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var foreign = await UploadAsync(outsider, reported.Id, Png))
            await foreign.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var noCase = await UploadAsync(worker, "C-20261123-999999", Png))
            await noCase.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");

        using var read = await worker.GetAsync($"/api/v1/cases/{reported.Id}");
        var view = await read.ReadAsync<CaseView>();
        Assert.Equal((reported.Version, 0), (view.Version, view.Attachments.Count));
        using var missing = await worker.GetAsync($"/api/v1/cases/{reported.Id}/attachments/1");
        await missing.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        using var listByOther = await other.GetAsync($"/api/v1/cases/{reported.Id}/attachments");
        await listByOther.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Content_OnlyForThoseWhoMayReadTheCase()
    {
        var (worker, reported) = await ReportedByGridWorkerAsync("孙八");
        using var _ = worker;
        using (var upload = await UploadAsync(worker, reported.Id, Png))
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        using var other = await GridWorkerApiTests.GridWorkerAsync(host, Grid, "周九");
        using var outsider = await host.ClientAsync("commissioner", "tc-a-t2");
        using var leader = await host.ClientAsync("dutyLeader", "tc-a");

        using (var byOther = await other.GetAsync($"/api/v1/cases/{reported.Id}/attachments/1"))
            await byOther.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var byOutsider = await outsider.GetAsync($"/api/v1/cases/{reported.Id}/attachments/1"))
            await byOutsider.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using (var anonymous = await host.Http.GetAsync($"/api/v1/cases/{reported.Id}/attachments/1"))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var byLeader = await leader.GetAsync($"/api/v1/cases/{reported.Id}/attachments/1");
        Assert.Equal(Png, await byLeader.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", byLeader.Headers.GetValues("X-Content-Type-Options").Single());
    }
}

[Collection(SqliteSiloCollection.Name)]
public sealed class SqliteAttachmentApiTests(SqliteSiloFixture fixture) : AttachmentApiTests(fixture.Host);

[Collection(PostgresSiloCollection.Name)]
public sealed class PostgresAttachmentApiTests(PostgresSiloFixture fixture) : AttachmentApiTests(fixture.Host);
