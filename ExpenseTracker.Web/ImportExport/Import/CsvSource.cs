using System.Text;
using CsvHelper;

namespace ExpenseTracker.Web.ImportExport.Import;

/// <summary>
/// An uploaded file as CSV records: what text encoding it is in (UTF-8, with or without a byte order mark; UTF-16, as
/// Excel's "Unicode text" saves it; otherwise Windows-1252, as Excel's plain "CSV" saves it on Windows), whether it is a
/// CSV file at all, and a reader that streams its records with a cap on a record's size. The file is read as it is
/// read from: never copied whole into memory.
/// </summary>
public sealed class CsvSource
{
    /// <summary>The largest record (line) read: a bank statement's rows are a few hundred bytes.</summary>
    public const int MaxRecordBytes = 64 * 1024;

    /// <summary>More columns than this is not a statement.</summary>
    public const int MaxColumns = 100;

    private const int SniffBytes = 64 * 1024;

    static CsvSource() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private CsvSource(Encoding encoding, string? note)
    {
        Encoding = encoding;
        EncodingNote = note;
    }

    public Encoding Encoding { get; }

    /// <summary>What the person should know about how the file was read (not UTF-8), or null.</summary>
    public string? EncodingNote { get; }

    /// <summary>Looks at the file (seekable: an upload is buffered) and decides how to read it.</summary>
    /// <exception cref="ImportFileException">It is empty, binary, or a format that is not CSV.</exception>
    public static async Task<CsvSource> OpenAsync(Stream file, CancellationToken cancellationToken)
    {
        file.Position = 0;
        var sample = new byte[SniffBytes];
        var length = await file.ReadAtLeastAsync(sample, SniffBytes, throwOnEndOfStream: false, cancellationToken);
        file.Position = 0;
        var head = sample.AsSpan(0, length);
        if (head.IsEmpty)
        {
            throw new ImportFileException("The file is empty.");
        }

        if (head.StartsWith(Encoding.UTF8.Preamble))
        {
            return new CsvSource(Encoding.UTF8, null);
        }

        if (head.StartsWith(Encoding.Unicode.Preamble) || head.StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            return new CsvSource(head[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode, "The file is UTF-16 text (Excel's \"Unicode text\"); it was read as such.");
        }

        if (NotText(head) is { } what)
        {
            throw new ImportFileException($"This is not a CSV file: it looks like {what}.");
        }

        var zeros = head.Count((byte)0);
        if (zeros > 0)
        {
            // UTF-16 without a byte order mark: every other byte of Latin text is zero.
            var oddZeros = 0;
            for (var i = 1; i < head.Length; i += 2)
            {
                oddZeros += head[i] == 0 ? 1 : 0;
            }

            if (zeros > head.Length / 4)
            {
                return new CsvSource(oddZeros * 2 > zeros ? Encoding.Unicode : Encoding.BigEndianUnicode, "The file is UTF-16 text without a byte order mark; it was read as such.");
            }

            throw new ImportFileException("This is not a CSV file: it holds binary data (zero bytes), not text.");
        }

        return await IsUtf8Async(file, cancellationToken)
            ? new CsvSource(new UTF8Encoding(false), null)
            : new CsvSource(Encoding.GetEncoding(1252),
                "The file is not UTF-8, so it was read as Windows-1252 (what Excel's plain \"CSV\" saves on Windows). If letters look wrong below, save it from Excel as \"CSV UTF-8\" and upload it again.");
    }

    /// <summary>A reader of every record (the header too), positioned before the first.</summary>
    public CsvReader Read(Stream file)
    {
        file.Position = 0;
        return CsvReader.Create(file, CsvReaderOptions.Default with
        {
            HasHeader = false,
            Encoding = Encoding,
            MaxRecordSize = MaxRecordBytes,
            SkipEmptyLines = true,
            TrimWhitespace = true,
        }, leaveOpen: true);
    }

    private static string? NotText(ReadOnlySpan<byte> head) => head switch
    {
        [0x50, 0x4B, 0x03, 0x04, ..] => "an Excel workbook (.xlsx) or a zip file; open it in Excel and save it as \"CSV UTF-8\"",
        [0xD0, 0xCF, 0x11, 0xE0, ..] => "an old Excel workbook (.xls); open it in Excel and save it as \"CSV UTF-8\"",
        [0x25, 0x50, 0x44, 0x46, ..] => "a PDF; download the statement as CSV (or Excel, then save it as CSV) instead",
        [0x89, 0x50, 0x4E, 0x47, ..] or [0xFF, 0xD8, 0xFF, ..] => "an image",
        [0x1F, 0x8B, ..] => "a gzip file (a backup? restore it on Settings → Backup)",
        _ => null,
    };

    private static async Task<bool> IsUtf8Async(Stream file, CancellationToken cancellationToken)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[64 * 1024];
        var chars = new char[buffer.Length + 4];
        try
        {
            int read;
            while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
            {
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            file.Position = 0;
        }
    }
}

/// <summary>A file that cannot be imported at all; the message says why, and nothing was written.</summary>
public sealed class ImportFileException(string message) : Exception(message);
