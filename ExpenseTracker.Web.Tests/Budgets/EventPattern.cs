using System.Text.Json.Nodes;

namespace ExpenseTracker.Web.Tests.Budgets;

/// <summary>
/// Evaluates an EventBridge event pattern against an event, for the part of the pattern language our Pipe uses:
/// nested objects, arrays of exact strings or numbers, and prefix and exists matchers. Anything else throws, so a
/// richer pattern cannot pass a test this class does not really evaluate.
/// </summary>
public static class EventPattern
{
    public static bool Matches(JsonNode pattern, JsonNode? @event) =>
        pattern is JsonObject fields && @event is JsonObject target
            ? fields.All(field => MatchesField(field.Value!, target[field.Key]))
            : throw new NotSupportedException("A pattern is an object of fields.");

    private static bool MatchesField(JsonNode rule, JsonNode? value) => rule switch
    {
        JsonObject nested => value is JsonObject && Matches(nested, value),
        // A field rule is a list of alternatives; an array in the event matches when any of its items does.
        JsonArray alternatives => alternatives.Any(alternative => Candidates(value).Any(candidate => MatchesAlternative(alternative, candidate)))
            || (value is null && alternatives.Any(IsExistsFalse)),
        _ => throw new NotSupportedException($"A field rule must be an object or an array, not {rule.ToJsonString()}."),
    };

    private static IEnumerable<JsonNode?> Candidates(JsonNode? value) => value switch
    {
        null => Enumerable.Empty<JsonNode?>(),
        JsonArray items => items.AsEnumerable(),
        _ => new[] { value },
    };

    private static bool MatchesAlternative(JsonNode? alternative, JsonNode? candidate)
    {
        if (alternative is JsonObject matcher)
        {
            var (name, argument) = matcher.Single();
            return name switch
            {
                "prefix" => candidate is JsonValue text && text.TryGetValue<string>(out var s) && s.StartsWith(argument!.GetValue<string>(), StringComparison.Ordinal),
                "exists" => argument!.GetValue<bool>(),
                _ => throw new NotSupportedException($"The matcher \"{name}\" is not implemented here."),
            };
        }

        return alternative switch
        {
            JsonValue expected when expected.TryGetValue<string>(out var text) => candidate is JsonValue actual && actual.TryGetValue<string>(out var s) && s == text,
            JsonValue expected when expected.TryGetValue<decimal>(out var number) => candidate is JsonValue actual && actual.TryGetValue<decimal>(out var n) && n == number,
            _ => throw new NotSupportedException($"The alternative {alternative?.ToJsonString()} is not implemented here."),
        };
    }

    private static bool IsExistsFalse(JsonNode? alternative) =>
        alternative is JsonObject matcher && matcher.TryGetPropertyValue("exists", out var exists) && exists!.GetValue<bool>() == false;
}
