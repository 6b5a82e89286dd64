using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ExpenseTracker.Web.Validation;

/// <summary>
/// What checking a form gives: the value it makes and one message per wrong field, keyed by the form's property name.
/// Every form of the app, on a page or in the JSON API, is a class of text properties whose <c>Validate</c> method
/// holds all its rules and answers with this; pages show the messages beside their fields
/// (<see cref="CheckedExtensions.Accept{T}"/>), the API as a ValidationProblem (<see cref="CheckedExtensions.ToProblem"/>).
/// </summary>
/// <param name="Value">What the form makes: null when a message stops it; a filter keeps the parts that make sense.</param>
public sealed record Checked<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public static Checked<T> Valid(T value) => new(value, new Dictionary<string, string[]>());

    /// <summary>The value when <paramref name="errors"/> is empty, else nothing and the messages.</summary>
    public static Checked<T> Of(Func<T> value, Dictionary<string, string[]> errors) => errors.Count == 0 ? Valid(value()) : new(default, errors);
}

public static class CheckedExtensions
{
    /// <summary>
    /// Puts each message beside its field (as <c>{prefix}.{Field}</c>, the name the page's input has) and gives the
    /// value when there was none.
    /// </summary>
    public static bool Accept<T>(this ModelStateDictionary modelState, Checked<T> check, string prefix, [NotNullWhen(true)] out T? value)
    {
        foreach (var (field, messages) in check.Errors)
        {
            modelState.AddModelError($"{prefix}.{field}", messages[0]);
        }

        value = check.IsValid && modelState.IsValid ? check.Value : default;
        return value is not null;
    }

    /// <summary>
    /// The API's answer to messages: 400 ValidationProblemDetails keyed by field or query parameter as JSON clients spell
    /// them (ExpenseForm's "CategoryId" is "categoryId"), every message in its detail.
    /// </summary>
    public static ValidationProblem ToProblem(this IReadOnlyDictionary<string, string[]> errors, string title) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(entry => JsonNamingPolicy.CamelCase.ConvertName(entry.Key), entry => entry.Value),
            detail: string.Join(" ", errors.Values.SelectMany(messages => messages)),
            title: title);
}
