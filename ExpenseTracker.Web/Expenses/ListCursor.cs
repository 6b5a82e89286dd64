using System.Buffers.Text;
using System.Text;

namespace ExpenseTracker.Web.Expenses;

/// <summary>
/// The keyset position after the last item of a page: (date, id) of that item. Stores hand it out base64url-encoded
/// so that callers treat it as opaque; a cursor that does not decode is refused with <see cref="InvalidCursorException"/>.
/// </summary>
public static class ListCursor
{
    private const string Prefix = "v1|";

    public static string Encode(DateOnly date, string id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Prefix}{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}|{id}"));

    public static (DateOnly Date, string Id) Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var parts = text.Split('|');
            if (parts.Length == 3 && parts[0] + "|" == Prefix && parts[2].Length is > 0 and <= 64
                && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                // Every expense is dated inside the supported range, so a cursor outside it was not issued by us.
                && SupportedDates.Contains(date))
            {
                return (date, parts[2]);
            }
        }
        catch (FormatException)
        {
            // Falls through to the same answer as any other cursor we did not issue.
        }

        throw new InvalidCursorException();
    }
}
