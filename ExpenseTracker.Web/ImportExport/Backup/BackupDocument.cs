using System.IO.Compression;
using System.Text.Json;

namespace ExpenseTracker.Web.ImportExport.Backup;

/// <summary>
/// The backup file: one JSON document, gzip-compressed, of the form
/// <c>{"format": "expense-tracker-backup", "version": 1, "createdAt": "…", "sections": {"expenses": {"version": 1, "data": …}, …}}</c>.
/// The document's own version changes only if this envelope changes; each section versions its data.
/// </summary>
public sealed class BackupDocument(IEnumerable<IBackupSection> sections, TimeProvider time)
{
    public const string Format = "expense-tracker-backup";
    public const int FormatVersion = 1;
    public const string ContentType = "application/gzip";

    private readonly IReadOnlyList<IBackupSection> sections = [.. sections.OrderBy(section => section.RestoreOrder)];

    public IReadOnlyList<IBackupSection> Sections => sections;

    public static string FileName(DateOnly today) => $"expense-tracker-backup-{today:yyyy-MM-dd}.json.gz";

    /// <summary>Writes the whole account, section by section; each section flushes as it goes, so memory holds a page, not the account.</summary>
    public async Task WriteAsync(Stream destination, string userId, CancellationToken cancellationToken)
    {
        await using var gzip = new GZipStream(destination, CompressionLevel.Fastest, leaveOpen: true);
        await using var writer = new Utf8JsonWriter(gzip);
        writer.WriteStartObject();
        writer.WriteString("format", Format);
        writer.WriteNumber("version", FormatVersion);
        writer.WriteString("createdAt", time.GetUtcNow());
        writer.WriteStartObject("sections");
        foreach (var section in sections)
        {
            writer.WriteStartObject(section.Name);
            writer.WriteNumber("version", section.Version);
            writer.WritePropertyName("data");
            await section.WriteAsync(userId, writer, cancellationToken);
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Parses a backup, gzip-compressed or not, and checks its envelope. The stream must be seekable (an upload is buffered).</summary>
    /// <exception cref="BackupFormatException">It is not a backup, or one of a newer app.</exception>
    public static async Task<JsonDocument> ParseAsync(Stream source, CancellationToken cancellationToken)
    {
        var first = new byte[2];
        var read = await source.ReadAtLeastAsync(first, 2, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
        {
            throw new BackupFormatException("The file is empty.");
        }

        source.Position = 0;
        // A gzip file starts 1F 8B; the Backup page downloads one, and a person may have unpacked it.
        Stream json = read == 2 && first[0] == 0x1F && first[1] == 0x8B ? new GZipStream(source, CompressionMode.Decompress, leaveOpen: true) : source;
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(json, default, cancellationToken);
        }
        catch (Exception exception) when (exception is JsonException or InvalidDataException)
        {
            throw new BackupFormatException("This is not a backup of this app: it is not readable JSON (a backup is the .json.gz file the Backup page downloads).");
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String
            || format.GetString() != Format)
        {
            document.Dispose();
            throw new BackupFormatException("This is not a backup of this app: it lacks the \"format\": \"expense-tracker-backup\" it starts with.");
        }

        if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32(out var number) || number < 1 || number > FormatVersion)
        {
            document.Dispose();
            throw new BackupFormatException("This backup was made by a newer version of the app, or its version is unreadable; update the app and try again.");
        }

        return document;
    }
}
