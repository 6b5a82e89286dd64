using System.Text.Json;
using ExpenseTracker.Web.Validation;

namespace ExpenseTracker.Web.ImportExport.Backup;

/// <summary>Reading a section's data with messages that say which item is wrong and how.</summary>
internal static class BackupJson
{
    public static IEnumerable<(JsonElement Item, string Where)> Items(JsonElement data, string section)
    {
        if (data.ValueKind != JsonValueKind.Array)
        {
            throw new BackupFormatException($"The {section} of this backup are not a list.");
        }

        var index = 0;
        foreach (var item in data.EnumerateArray())
        {
            index++;
            yield return item.ValueKind == JsonValueKind.Object
                ? (item, $"{section} item {index}")
                : throw new BackupFormatException($"{section} item {index} of this backup is not an object.");
        }
    }

    public static string String(JsonElement item, string name, string where, int maxLength, bool allowEmpty = false)
    {
        var value = item.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString()! : null;
        if (value is null || (!allowEmpty && value.Length == 0) || value.Length > maxLength)
        {
            throw new BackupFormatException($"{where}: \"{name}\" is missing, empty or longer than {maxLength} characters.");
        }

        return value;
    }

    public static long Number(JsonElement item, string name, string where, long min, long max)
    {
        if (item.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.Number && property.TryGetInt64(out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        throw new BackupFormatException($"{where}: \"{name}\" is missing or not a whole number from {min} to {max}.");
    }

    /// <summary>A day within <see cref="SupportedDates"/>, as every date the app takes.</summary>
    public static DateOnly Date(JsonElement item, string name, string where) =>
        SupportedDates.TryParse(String(item, name, where, 10), out var date) && SupportedDates.Contains(date)
            ? date
            : throw new BackupFormatException(
                $"{where}: \"{name}\" is not a date as yyyy-MM-dd from {SupportedDates.Format(SupportedDates.Earliest)} to {SupportedDates.Format(SupportedDates.Latest)}.");

    public static DateTimeOffset Time(JsonElement item, string name, string where) =>
        item.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String && property.TryGetDateTimeOffset(out var time)
            ? time.ToUniversalTime()
            : throw new BackupFormatException($"{where}: \"{name}\" is not a time in ISO 8601.");

    public static TEnum Enum<TEnum>(JsonElement item, string name, string where)
        where TEnum : struct, Enum =>
        System.Enum.TryParse<TEnum>(String(item, name, where, 40), ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw new BackupFormatException($"{where}: \"{name}\" is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
}
