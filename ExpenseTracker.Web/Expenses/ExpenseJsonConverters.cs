using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ExpenseTracker.Web.Api;

namespace ExpenseTracker.Web.Expenses;

/// <summary>
/// Keeps a JSON number's digits as sent: 1234.567 stays "1234.567" and is refused for its third decimal,
/// where reading it as a double or decimal first would round it or lose precision silently.
/// </summary>
internal sealed class AmountTextConverter : JsonConverter<string?>, IDescribedJsonValue
{
    public string Accepts => "a string such as \"1499.50\" or a number such as 1499.5";

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        _ => throw new JsonException($"amount must be {Accepts}."),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>Reads tags sent as an array or as one string into the comma-separated text the form parses.</summary>
internal sealed class TagsTextConverter : JsonConverter<string?>, IDescribedJsonValue
{
    public string Accepts => "an array of strings such as [\"work\", \"trip\"] or one comma-separated string such as \"work, trip\"";

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"tags must be {Accepts}.");
        }

        var tags = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            tags.Add(reader.TokenType == JsonTokenType.String
                ? reader.GetString()!
                : throw new JsonException($"tags must be {Accepts}."));
        }

        return string.Join(",", tags);
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
