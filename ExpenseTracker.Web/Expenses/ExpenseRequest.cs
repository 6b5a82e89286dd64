using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Validation;
using System.Buffers;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ExpenseTracker.Web.Expenses;

/// <summary>
/// The JSON body of POST and PUT /api/expenses. It only carries the values across: <see cref="ToForm"/> hands them
/// to <see cref="ExpenseForm"/>, whose rules decide what is valid, exactly as for the page forms.
/// </summary>
public sealed class ExpenseRequest
{
    /// <summary>Rupees as a string ("1499.50", "1,499.50") or a JSON number (1499.5); at most two decimals.</summary>
    [JsonConverter(typeof(AmountTextConverter))]
    [Description("Rupees as a string (\"1499.50\", \"1,499.50\") or a JSON number (1499.5); more than two decimals is a validation error.")]
    public string? Amount { get; set; }

    [Description("The day of the expense, yyyy-MM-dd.")]
    public string? Date { get; set; }

    [Description("The id of one of the user's categories (\"food\", \"transport\", ...).")]
    public string? CategoryId { get; set; }

    [Description("Optional, at most 200 characters.")]
    public string? Description { get; set; }

    /// <summary>An array of tags or one comma-separated string; either way commas separate tags.</summary>
    [JsonConverter(typeof(TagsTextConverter))]
    [Description("An array of strings ([\"work\", \"trip\"]) or one comma-separated string (\"work, trip\"); at most 10 tags of 30 characters.")]
    public string? Tags { get; set; }

    [Description("PUT only: the version you last read. A stale version answers 409.")]
    public int? Version { get; set; }

    /// <summary>For PUT: the values (by the form's rules) and the version they were read at, which must be sent.</summary>
    public Checked<ExpenseUpdate> ValidateUpdate(IReadOnlyCollection<Category> categories, DateOnly today)
    {
        var values = ToForm().Validate(categories, today);
        var errors = new Dictionary<string, string[]>(values.Errors);
        if (Version is null)
        {
            errors[nameof(Version)] = ["Send the version you last read, so that a change made meanwhile is not overwritten."];
        }

        return Checked<ExpenseUpdate>.Of(() => new ExpenseUpdate(values.Value!, Version!.Value), errors);
    }

    public ExpenseForm ToForm() => new()
    {
        Amount = Amount,
        Date = Date,
        CategoryId = CategoryId,
        Description = Description,
        Tags = Tags,
    };

    /// <summary>States in the OpenAPI document what the two converters accept, which it cannot infer from them.</summary>
    public static Task DescribeSchemaAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(ExpenseRequest) && schema.Properties is { } properties)
        {
            if (properties.TryGetValue("amount", out var amount) && amount is OpenApiSchema amountSchema)
            {
                amountSchema.OneOf = [new OpenApiSchema { Type = JsonSchemaType.String }, new OpenApiSchema { Type = JsonSchemaType.Number }];
            }

            if (properties.TryGetValue("tags", out var tags) && tags is OpenApiSchema tagsSchema)
            {
                tagsSchema.OneOf =
                [
                    new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                    new OpenApiSchema { Type = JsonSchemaType.String },
                ];
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Keeps a JSON number's digits as sent: 1234.567 stays "1234.567" and is refused for its third decimal,
    /// where reading it as a double or decimal first would round it or lose precision silently.
    /// </summary>
    private sealed class AmountTextConverter : JsonConverter<string?>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
            _ => throw new JsonException("amount must be a string such as \"1499.50\" or a number such as 1499.5."),
        };

        public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>Reads tags sent as an array or as one string into the comma-separated text the form parses.</summary>
    private sealed class TagsTextConverter : JsonConverter<string?>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                return reader.GetString();
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("tags must be an array of strings or one comma-separated string.");
            }

            var tags = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                tags.Add(reader.TokenType == JsonTokenType.String
                    ? reader.GetString()!
                    : throw new JsonException("Each tag must be a string."));
            }

            return string.Join(",", tags);
        }

        public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}

/// <summary>A checked PUT: the new values and the version the client last read.</summary>
public sealed record ExpenseUpdate(ExpenseDraft Draft, int Version);
