namespace ExpenseTracker.Web.Storage.DynamoDb;

/// <summary>
/// What every DynamoDB store checks before it writes a value into a key or an attribute: DynamoDB refuses lone
/// surrogates (it stores UTF-8) and keys over its size limits, and the app's own ids have one shape.
/// </summary>
internal static class ItemChecks
{
    // Keeps USER#{id} far below the 2,048-byte partition key limit and the sort keys below 1,024 bytes.
    private const int MaxKeyPartLength = 200;

    public static void CheckUserId(string userId)
    {
        if (!IsKeyPart(userId))
        {
            throw new InvalidValueException("The user id is empty, too long or has characters that cannot be stored.");
        }
    }

    public static bool IsKeyPart(string? text) =>
        text is { Length: > 0 and <= MaxKeyPartLength } && !text.Any(char.IsControl) && IsWellFormed(text);

    /// <summary>Ids the stores hand out are ASCII letters and digits; anything else cannot name a stored item.</summary>
    public static bool IsPlausibleId(string? id) => id is { Length: > 0 and <= 64 } && id.All(char.IsAsciiLetterOrDigit);

    /// <summary>True when <paramref name="text"/> has no lone surrogate, which UTF-8 (and so DynamoDB) cannot hold.</summary>
    public static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
