using CsvHelper;

namespace ExpenseTracker.Web.ImportExport.Import;

/// <summary>An uploaded CSV file: its header (below any lines to skip) and its data rows, read one at a time.</summary>
public sealed class ImportFile(Stream file, CsvSource source, int skipLines) : IDisposable
{
    private readonly CsvReader reader = source.Read(file);

    public IReadOnlyList<string> Headers { get; private set; } = [];

    /// <summary>The row number of the current record, counting from 1 at the top of the file (skipped lines and header included).</summary>
    public int RowNumber { get; private set; }

    public CsvReader Reader => reader;

    /// <summary>Reads past the skipped lines to the header.</summary>
    /// <exception cref="ImportFileException">No header, or not a table.</exception>
    public void ReadHeader()
    {
        for (var i = 0; i <= skipLines; i++)
        {
            if (!Next())
            {
                throw new ImportFileException(i == 0 ? "The file is empty." : $"The file has only {i} lines, all above the header you said to skip to.");
            }
        }

        Headers = [.. Enumerable.Range(0, reader.FieldCount).Select(index => (reader.GetString(index) ?? "").Trim())];
        if (Headers.Count < 2)
        {
            throw new ImportFileException("The file has a single column: this is not a CSV table (or its lines above the header need skipping).");
        }

        if (Headers.Count > CsvSource.MaxColumns)
        {
            throw new ImportFileException($"The header has {Headers.Count} columns; a statement has far fewer (at most {CsvSource.MaxColumns} are read).");
        }
    }

    /// <summary>Moves to the next data row; false at the end of the file.</summary>
    /// <exception cref="ImportFileException">A row too long, or quoting that cannot be read.</exception>
    public bool Next()
    {
        try
        {
            if (!reader.Read())
            {
                return false;
            }
        }
        catch (CsvFormatException exception)
        {
            throw new ImportFileException(
                $"Row {RowNumber + 1} cannot be read: it is longer than {CsvSource.MaxRecordBytes / 1024} KB or its quotes never close ({exception.Message.TrimEnd('.')}). This is not a statement export.");
        }

        RowNumber++;
        return true;
    }

    /// <summary>The header and the first <paramref name="rows"/> rows as they are written, to map columns and guess the date format by.</summary>
    /// <exception cref="ImportFileException">No header, or not a table.</exception>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<string[]> Rows) Head(Stream file, CsvSource source, int skipLines, int rows)
    {
        using var head = new ImportFile(file, source, skipLines);
        head.ReadHeader();
        var read = new List<string[]>();
        while (read.Count < rows && head.Next())
        {
            read.Add([.. Enumerable.Range(0, head.reader.FieldCount).Select(index => head.reader.GetString(index) ?? "")]);
        }

        return (head.Headers, read);
    }

    public void Dispose() => reader.Dispose();
}
