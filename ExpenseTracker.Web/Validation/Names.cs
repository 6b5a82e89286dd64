namespace ExpenseTracker.Web.Validation;

/// <summary>The rules every name a person gives (a category, a token) follows.</summary>
public static class Names
{
    /// <summary>Trimmed, with each run of white space inside folded to one space: how a name is stored and compared.</summary>
    public static string Clean(string? name) => string.Join(' ', (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The cleaned name, or the message for <paramref name="field"/> that says why it cannot be used.</summary>
    /// <param name="whenEmpty">What to say when there is no name.</param>
    /// <param name="kind">"A category name": how the other messages start.</param>
    public static Checked<string> Check(string? name, int maxLength, string field, string whenEmpty, string kind)
    {
        var cleaned = Clean(name);
        var problem = cleaned.Length == 0 ? whenEmpty
            : cleaned.Length > maxLength ? $"{kind} can be at most {maxLength} characters."
            : cleaned.Any(char.IsControl) ? $"{kind} cannot contain control characters."
            : null;
        return problem is null ? Checked<string>.Valid(cleaned) : new Checked<string>(null, new Dictionary<string, string[]> { [field] = [problem] });
    }
}
