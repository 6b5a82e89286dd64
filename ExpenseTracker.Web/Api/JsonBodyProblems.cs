using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ExpenseTracker.Web.Api;

/// <summary>A JSON value converter that can say, for people, what it accepts ("a string such as \"1499.50\" …").</summary>
public interface IDescribedJsonValue
{
    string Accepts { get; }
}

/// <summary>
/// What a JSON body's reader found wrong, said for people: the field (as the client spells it) and what it must be,
/// from the body type's own description; or, when the text is not JSON at all, where it stops being JSON.
/// </summary>
public static class JsonBodyProblems
{
    public static (string Field, string Message) Describe(JsonException exception, Type? bodyType, JsonSerializerOptions options)
    {
        // The reader's own exception inside: the text is not JSON (cut off, a stray character, nested too deep).
        if (exception.InnerException is JsonException || exception.Path is null)
        {
            return (BadRequestExceptionHandler.BodyField,
                $"The request body is not valid JSON{Where(exception)}. Send one JSON object, such as {{\"name\": \"value\"}}. {ErrorHandling.ApiProblems.Reference}");
        }

        if (FirstName(exception.Path) is not { } name)
        {
            return (BadRequestExceptionHandler.BodyField,
                "The request body must be one JSON object ({ … }) holding the fields this route takes. " + ErrorHandling.ApiProblems.Reference);
        }

        var property = bodyType is null ? null : FindProperty(options.GetTypeInfo(bodyType), name);
        var field = property?.Name ?? name;
        if (exception.InnerException is System.Text.DecoderFallbackException or InvalidOperationException { InnerException: System.Text.DecoderFallbackException })
        {
            // The reader could not turn the field's bytes into text: the value is of the right kind, its encoding is not.
            return (field, $"\"{field}\" holds characters that are not valid UTF-8. Send the body as UTF-8 text.");
        }

        var accepts = property?.CustomConverter is IDescribedJsonValue described ? described.Accepts : Describe(property?.PropertyType);
        return (field, accepts is null ? $"\"{field}\" holds a value of the wrong kind." : $"\"{field}\" must be {accepts}.");
    }

    private static JsonPropertyInfo? FindProperty(JsonTypeInfo type, string name) =>
        type.Properties.FirstOrDefault(property => string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>"$.version" and "$['version']" are "version"; "$.tags[2]" is "tags"; "$" (the body itself) is nothing.</summary>
    private static string? FirstName(string path)
    {
        var rest = path.StartsWith('$') ? path[1..] : path;
        if (rest.StartsWith("['", StringComparison.Ordinal) && rest.IndexOf("']", StringComparison.Ordinal) is var end and > 2)
        {
            return rest[2..end];
        }

        if (!rest.StartsWith('.'))
        {
            return null;
        }

        var name = rest[1..];
        var stop = name.IndexOfAny(['.', '[']);
        return stop < 0 ? name : name[..stop];
    }

    private static string Where(JsonException exception) =>
        exception.LineNumber is { } line && exception.BytePositionInLine is { } column
            ? $" (line {line + 1}, character {column + 1})"
            : "";

    private static string? Describe(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => null,
            _ when type == typeof(string) => "text in double quotes",
            _ when type == typeof(int) => $"a whole number such as 3, at most {int.MaxValue}",
            _ when type == typeof(long) => $"a whole number such as 3, at most {long.MaxValue}",
            _ when type == typeof(decimal) || type == typeof(double) => "a number such as 12.5",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(DateOnly) => "a date in double quotes, such as \"2026-11-15\"",
            _ when typeof(IEnumerable).IsAssignableFrom(type) => "a list in square brackets ([ … ])",
            _ => "a JSON object ({ … })",
        };
    }
}
