using ExpenseTracker.Web.Categories;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ExpenseTracker.Web.Expenses;

/// <summary>
/// The JSON body of POST and PUT /api/expenses: the expense form's values, checked by its rules exactly as on the
/// pages, and for PUT the version the client last read.
/// </summary>
public sealed class ExpenseRequest : ExpenseForm
{
    [System.ComponentModel.Description("PUT only: the version you last read. A stale version answers 409.")]
    public int? Version { get; set; }

    /// <summary>For PUT: the values (by the form's rules) and the version they were read at, which must be sent.</summary>
    public Checked<ExpenseUpdate> ValidateUpdate(IReadOnlyCollection<Category> categories, DateOnly today)
    {
        var values = Validate(categories, today);
        var errors = new Dictionary<string, string[]>(values.Errors);
        if (Version is null)
        {
            errors[nameof(Version)] = ["Send the version you last read, so that a change made meanwhile is not overwritten."];
        }
        else if (Version < 1)
        {
            // Versions start at 1: a smaller one was never read from us, so it is a mistake, not a conflict.
            errors[nameof(Version)] = ["The version must be the whole number 1 or more that you last read."];
        }

        return Checked<ExpenseUpdate>.Of(() => new ExpenseUpdate(values.Value!, Version!.Value), errors);
    }

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
}

/// <summary>A checked PUT: the new values and the version the client last read.</summary>
public sealed record ExpenseUpdate(ExpenseDraft Draft, int Version);
