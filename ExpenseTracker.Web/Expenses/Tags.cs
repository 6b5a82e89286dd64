namespace ExpenseTracker.Web.Expenses;

/// <summary>Turns what a person types ("Work, travel ,work") into the tags we store (["travel", "work"]).</summary>
public static class Tags
{
    public const int MaxCount = 10;
    public const int MaxLength = 30;

    /// <summary>Trimmed, inner spaces folded, lower-cased, de-duplicated and sorted so equal sets compare equal.</summary>
    public static IReadOnlyList<string> Parse(string? text) =>
        (text ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Normalize)
            .Where(tag => tag.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static string Normalize(string tag) =>
        string.Join(' ', tag.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    public static string Join(IEnumerable<string> tags) => string.Join(", ", tags);

    /// <summary>A reason the tags cannot be stored, or null when they can.</summary>
    public static string? Problem(IReadOnlyList<string> tags)
    {
        if (tags.Count > MaxCount)
        {
            return $"Use at most {MaxCount} tags.";
        }

        var tooLong = tags.FirstOrDefault(tag => tag.Length > MaxLength);
        if (tooLong is not null)
        {
            return $"Each tag can be at most {MaxLength} characters; \"{tooLong[..MaxLength]}…\" is longer.";
        }

        return tags.Any(tag => tag.Any(char.IsControl)) ? "Tags cannot contain control characters." : null;
    }
}
